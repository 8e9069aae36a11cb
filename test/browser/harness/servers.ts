/**
 * The local origins of the browser tier, all on 127.0.0.1 with random ports:
 *   host    http://127.0.0.1:<p1>  the real host page (renderHostPage) and host.css, CSP as a header
 *   vendor  http://localhost:<p2>  simulator pages, the demo softphone, socket.io-client and a
 *                                  real Socket.IO server (ExpertFlow's Agent Manager)
 *   third   http://localhost:<p3>  the same simulator files from an origin no profile allows
 * Host and vendor differ in host name and port, so every vendor frame is cross-origin (and
 * cross-site, hence out-of-process) to the host page, as in the app.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HOST_CSS, renderHostPage } from '../../../src/main/pages/host-page';
import { APP_ORIGINS } from '../../../src/shared/app-urls';
import type { Profile } from '../../../src/shared/contract/profile';
import { demoBundle, fromRoot } from './bundles';
import { startExpertflowServer, type ExpertflowServer } from './expertflow-server';

export interface Origins {
  host: string;
  vendor: string;
  third: string;
}

export interface Servers {
  origins: Origins;
  /** Makes the host page for `profile` servable; returns its URL. */
  hostPage(profile: Profile): string;
  /** A simulator page URL on the vendor origin (or another of ours). */
  sim(file: string, query?: Record<string, string>, origin?: string): string;
  demoUrl: string;
  expertflow: ExpertflowServer;
  close(): Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void> | void;

const SIMULATORS = fromRoot('test/browser/simulators');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

function reply(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

async function listen(handler: Handler): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    Promise.resolve(handler(req, res, url)).catch((err: unknown) => reply(res, 500, 'text/plain', String(err)));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Simulator files by base name only: nothing outside the simulators directory is reachable. */
function serveSimulator(res: http.ServerResponse, url: URL): void {
  const name = path.basename(url.pathname);
  const type = TYPES[path.extname(name)];
  let body: Buffer;
  try {
    body = readFileSync(path.join(SIMULATORS, name));
  } catch {
    return reply(res, 404, 'text/plain', 'no such simulator file');
  }
  // ?opaque=1: the vendor document sandboxes itself, so its origin becomes opaque ("null").
  const headers: Record<string, string> = url.searchParams.get('opaque') === '1' ? { 'content-security-policy': 'sandbox allow-scripts' } : {};
  reply(res, 200, type ?? 'application/octet-stream', body, headers);
}

export async function startServers(): Promise<Servers> {
  const profiles = new Map<string, Profile>();
  let vendorOrigin = '';

  const host = await listen((_req, res, url) => {
    if (url.pathname === '/host.css') return reply(res, 200, TYPES['.css']!, HOST_CSS);
    const m = /^\/profile\/([^/]+)$/.exec(url.pathname);
    const profile = m ? profiles.get(decodeURIComponent(m[1]!)) : undefined;
    if (!profile) return reply(res, 404, 'text/plain', 'no such profile');
    const page = renderHostPage(profile);
    // The app serves host.css and the demo from its app:// scheme; here they come from our servers.
    const standIn = (s: string) => s.replaceAll(APP_ORIGINS.demo, vendorOrigin);
    const html = standIn(page.html.replace(`${APP_ORIGINS.host}/host.css`, '/host.css'));
    reply(res, 200, TYPES['.html']!, html, { 'content-security-policy': standIn(page.csp) });
  });

  const vendor = await listen(async (_req, res, url) => {
    if (url.pathname === '/socket.io.min.js') {
      return reply(res, 200, TYPES['.js']!, readFileSync(fromRoot('node_modules/socket.io-client/dist/socket.io.min.js')));
    }
    // The demo softphone at the root, as app://demo serves it (DEMO_URL is app://demo/demo.html).
    if (url.pathname === '/demo.html') {
      const html = readFileSync(fromRoot('src/renderer/demo/demo.html'), 'utf8').replace('src="./main.ts"', 'src="./main.js"');
      return reply(res, 200, TYPES['.html']!, html);
    }
    if (url.pathname === '/main.js') return reply(res, 200, TYPES['.js']!, await demoBundle());
    if (url.pathname === '/demo.css') return reply(res, 200, TYPES['.css']!, readFileSync(fromRoot('src/renderer/demo/demo.css')));
    if (url.pathname.startsWith('/sim/')) return serveSimulator(res, url);
    reply(res, 404, 'text/plain', 'not found');
  });
  vendorOrigin = `http://localhost:${vendor.port}`;
  const expertflow = startExpertflowServer(vendor.server);

  const third = await listen((_req, res, url) => (url.pathname.startsWith('/sim/') ? serveSimulator(res, url) : reply(res, 404, 'text/plain', 'not found')));

  const origins: Origins = { host: `http://127.0.0.1:${host.port}`, vendor: vendorOrigin, third: `http://localhost:${third.port}` };
  return {
    origins,
    hostPage(profile) {
      profiles.set(profile.id, profile);
      return `${origins.host}/profile/${encodeURIComponent(profile.id)}`;
    },
    sim(file, query = {}, origin = origins.vendor) {
      const qs = new URLSearchParams(query).toString();
      return `${origin}/sim/${file}${qs ? `?${qs}` : ''}`;
    },
    demoUrl: `${vendorOrigin}/demo.html`,
    expertflow,
    async close() {
      await expertflow.close();
      for (const s of [host.server, vendor.server, third.server]) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
  };
}
