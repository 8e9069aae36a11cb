/**
 * The machine's network settings as Chromium reads them, for the model's `net.fetch`/`ses.fetch`:
 * the system proxy and the OS certificate store. The test sets them over the control channel
 * (control.ts: setSystemProxy, trustCertificate), as IT sets them on a managed workstation.
 *
 * - Every session follows the system proxy unless the app called ses.setProxy or passed
 *   --proxy-server (electron/electron docs/api/structures/proxy-config.md, mode `system`: "the
 *   proxy configuration is taken from the operating system").
 * - Chromium's implicit bypass rules: localhost, *.localhost, [::1], 127.0.0.1/8, 169.254/16 and
 *   [fe80::]/10 never go through a proxy unless the bypass list has `<-loopback>` (electron/electron
 *   spec/api-app-spec.ts "allows removing the implicit bypass rules for localhost"; Chromium
 *   net/docs/proxy.md "Implicit bypass rules"). A test endpoint therefore needs a real-looking name
 *   to be proxied at all.
 * - Certificates are verified against the OS store: the public roots plus whatever IT installed
 *   (a TLS-inspecting proxy's root). Modelled as Node's bundled roots plus the certificates the
 *   test trusts; NODE_EXTRA_CA_CERTS plays no part, as in Chromium.
 * Only HTTP proxies (`http://host:port`) are modelled; PAC, WPAD and SOCKS are not.
 * The machine as it boots: ELECTRON_MODEL_SYSTEM_PROXY (the proxy URL) and
 * ELECTRON_MODEL_TRUSTED_CERTS (a PEM file IT installed in the OS store), read at start.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';

export interface SystemProxy {
  host: string;
  port: number;
  /** Host names (`ingest.corp.test`) or suffixes (`.corp.test`, `*.corp.test`) sent directly. */
  bypass: string[];
}

let systemProxy: SystemProxy | null = null;
/** Whether the machine has a network link (net.isOnline); ELECTRON_MODEL_OFFLINE=1 boots without. */
let online = process.env.ELECTRON_MODEL_OFFLINE !== '1';

export function setOnline(value: boolean): void {
  online = value;
}

export function isOnline(): boolean {
  return online;
}
const trusted: string[] = [];

export function setSystemProxy(url: string | null, bypass: string[] = []): void {
  if (url === null) {
    systemProxy = null;
    return;
  }
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:') throw new Error(`electron model: only http:// system proxies are modelled, not ${parsed.protocol}`);
  systemProxy = { host: parsed.hostname, port: Number(parsed.port || 80), bypass };
}

export function trustCertificate(pem: string): void {
  trusted.push(pem);
}

if (process.env.ELECTRON_MODEL_SYSTEM_PROXY) setSystemProxy(process.env.ELECTRON_MODEL_SYSTEM_PROXY);
if (process.env.ELECTRON_MODEL_TRUSTED_CERTS) trustCertificate(readFileSync(process.env.ELECTRON_MODEL_TRUSTED_CERTS, 'utf8'));

/** The roots a server certificate is checked against. */
export function osTrustStore(): string[] {
  return [...rootCertificates, ...trusted];
}

function implicitlyBypassed(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number);
    return a === 127 || (a === 169 && b === 254);
  }
  if (isIP(host) === 6) return host === '::1' || /^fe[89ab]/.test(host);
  return false;
}

function listed(hostname: string, rules: string[]): boolean {
  const host = hostname.toLowerCase();
  return rules.some((rule) => {
    const r = rule.trim().toLowerCase();
    if (r.startsWith('*.')) return host.endsWith(r.slice(1));
    if (r.startsWith('.')) return host.endsWith(r);
    return host === r;
  });
}

/** The proxy a request to `url` goes through, or null for a direct connection. */
export function proxyFor(url: URL): SystemProxy | null {
  if (!systemProxy) return null;
  const removesLoopback = systemProxy.bypass.includes('<-loopback>');
  if (!removesLoopback && implicitlyBypassed(url.hostname)) return null;
  return listed(url.hostname, systemProxy.bypass) ? null : systemProxy;
}

export function systemNetworkView(): { proxy: string | null; trustedCertificates: number } {
  return { proxy: systemProxy ? `http://${systemProxy.host}:${systemProxy.port}` : null, trustedCertificates: trusted.length };
}
