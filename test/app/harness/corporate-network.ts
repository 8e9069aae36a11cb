/**
 * A corporate network for the app tier, on loopback:
 * - an HTTPS ingest endpoint under a name only the proxy can resolve (`ingest.corp.test`), with a
 *   throwaway certificate the test installs in the model's OS certificate store (an internal CA);
 * - the HTTP proxy the machine is set to use (the model's ELECTRON_MODEL_SYSTEM_PROXY at start,
 *   or control `setSystemProxy`). It tunnels CONNECT
 *   to `ingest.corp.test:443` to the endpoint, records every tunnel, and while `requireAuth` is on
 *   answers 407 with a Basic challenge, as an authenticating proxy does to a client that has not
 *   signed in. Nothing else is reachable through it (502), and nothing reaches the endpoint
 *   without it: the name does not resolve on this machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INGEST_HOST = 'ingest.corp.test';

export interface Ingested {
  path: string;
  key: string;
  body: string;
}

export interface CorporateNetwork {
  endpoint: string;
  proxyUrl: string;
  /** The endpoint's certificate (PEM), to trust as an internal CA, and the file holding it. */
  certificatePem: string;
  certificateFile: string;
  /** Requests the endpoint answered, in order. */
  ingested: Ingested[];
  /** Every CONNECT the proxy was asked for (`host:port`), answered or not. */
  tunnels: string[];
  /** While true the proxy answers every CONNECT with 407 Proxy Authentication Required. */
  requireAuth: boolean;
  close(): Promise<void>;
}

function certificate(): { key: Buffer; cert: Buffer; certFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'corp-cert-'));
  const result = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${INGEST_HOST}`, '-addext', `subjectAltName=DNS:${INGEST_HOST}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
  if (result.status !== 0) throw new Error(`openssl could not make the test certificate: ${result.stderr.toString()}`);
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')), certFile: join(dir, 'cert.pem') };
}

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

export async function startCorporateNetwork(): Promise<CorporateNetwork> {
  const tls = certificate();
  const ingested: Ingested[] = [];
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const endpointServer = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      ingested.push({ path: req.url ?? '', key: String(req.headers['idempotency-key'] ?? ''), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  const endpointPort = await listen(endpointServer);

  const network: CorporateNetwork = {
    endpoint: `https://${INGEST_HOST}/ingest`,
    proxyUrl: '',
    certificatePem: tls.cert.toString('utf8'),
    certificateFile: tls.certFile,
    ingested,
    tunnels,
    requireAuth: false,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([endpointServer, proxy].map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())))));
    },
  };

  const proxy = createHttpServer((_req, res) => res.writeHead(502).end('only CONNECT to the ingest endpoint is proxied here'));
  proxy.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    const target = req.url ?? '';
    tunnels.push(target);
    if (network.requireAuth && !req.headers['proxy-authorization']) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    if (target !== `${INGEST_HOST}:443`) {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(endpointPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  network.proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  return network;
}
