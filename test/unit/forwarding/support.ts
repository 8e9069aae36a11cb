/**
 * A real HTTP endpoint on 127.0.0.1 for the forwarder tests, playing a server that dedupes on the
 * Idempotency-Key as the forwarding contract expects. Plus small shared helpers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDiskQueue, type DiskQueue } from '../../../src/main/forwarding/disk-queue';
import { createForwarder, type Forwarder, type ForwarderOptions } from '../../../src/main/forwarding/forwarder';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';

export interface Received {
  n: number;
  path: string;
  key: string;
  contentType: string;
  body: { source?: string; batchId?: string; events?: ShellEvent[]; test?: boolean };
}

/** What the server does with one request. `store`: keep the batch (default: on 2xx). */
export type Reply = { status: number; headers?: Record<string, string>; store?: boolean } | { hang: true; store?: boolean };

export interface TestServer {
  url: string;
  port: number;
  /** Every request, in arrival order. */
  requests: Received[];
  /** Batches stored, first arrival per key only (the server-side dedupe). */
  stored: Received[];
  /** How many requests arrived per Idempotency-Key. */
  attemptsPerKey: Map<string, number>;
  storedEventIds(): string[];
  close(): Promise<void>;
}

export async function startServer(handler: (req: Received) => Reply, port = 0): Promise<TestServer> {
  const requests: Received[] = [];
  const stored: Received[] = [];
  const attemptsPerKey = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Received['body'] = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Received['body'];
      } catch {
        // Recorded with an empty body; the test assertions will notice.
      }
      const key = String(req.headers['idempotency-key'] ?? '');
      const received: Received = { n: requests.length + 1, path: req.url ?? '', key, contentType: String(req.headers['content-type']), body };
      requests.push(received);
      attemptsPerKey.set(key, (attemptsPerKey.get(key) ?? 0) + 1);
      const reply = handler(received);
      const store = reply.store ?? ('status' in reply && reply.status >= 200 && reply.status < 300);
      if (store && !stored.some((s) => s.key === key)) stored.push(received);
      if ('hang' in reply) return; // Never answer: the client's timeout must end it.
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify({ ok: reply.status < 300 }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/ingest`,
    port: actualPort,
    requests,
    stored,
    attemptsPerKey,
    storedEventIds: () => stored.flatMap((s) => (s.body.events ?? []).map((e) => e.id)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // Includes the hanging ones.
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (for "server down"); it can be listened on again later. */
export async function freePort(): Promise<number> {
  const s = await startServer(() => ({ status: 200 }));
  await s.close();
  return s.port;
}

/** Polls until `cond` holds; fails the test after `timeoutMs` instead of hanging. */
export async function waitFor(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function event(i: number, extra: Partial<ShellEvent> = {}): ShellEvent {
  return { id: `e${i}`, at: 1_700_000_000_000 + i, profile: 'demo', vendor: 'demo', kind: 'vendor.info', vendorEvent: 'test', raw: { i }, ...extra };
}

export const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
export const ids = (from: number, to: number): string[] => range(from, to).map((i) => `e${i}`);

/** A fresh temp dir per test, removed afterwards. */
export function tempDirs(): { make(): Promise<string>; cleanup(): Promise<void> } {
  const made: string[] = [];
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), 'sb-forwarding-'));
      made.push(dir);
      return dir;
    },
    async cleanup() {
      await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}

/**
 * Forwarders with test-sized timings (400 ms timeout, 20–100 ms backoff, 10 ms linger), each
 * stopped by stopAll() so no timer or request outlives its test.
 */
export function forwarders(): {
  open(dir: string, endpoint: string | null, over?: Partial<ForwarderOptions> & { maxEvents?: number }): Promise<{ queue: DiskQueue; forwarder: Forwarder }>;
  stopAll(): Promise<void>;
} {
  const opened: Forwarder[] = [];
  return {
    async open(dir, endpoint, over = {}) {
      const { maxEvents = 1000, ...rest } = over;
      const queue = await openDiskQueue(dir, { maxEvents });
      const forwarder = createForwarder({
        endpoint,
        batchSize: 5,
        timeoutMs: 400,
        queue,
        redaction: 'off',
        lingerMs: 10,
        backoff: { baseMs: 20, maxMs: 100 },
        ...rest,
      });
      opened.push(forwarder);
      return { queue, forwarder };
    },
    async stopAll() {
      await Promise.all(opened.splice(0).map((f) => f.stop()));
    },
  };
}

/**
 * The temp folders, forwarders and servers one test file uses, all stopped and removed after each
 * test; `server` starts an endpoint that is closed with them.
 */
export function forwardingRig() {
  const dirs = tempDirs();
  const fwd = forwarders();
  const servers: TestServer[] = [];
  afterEach(async () => {
    await fwd.stopAll();
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await dirs.cleanup();
  });
  const server = async (...args: Parameters<typeof startServer>): Promise<TestServer> => {
    const s = await startServer(...args);
    servers.push(s);
    return s;
  };
  return { dirs, fwd, servers, server };
}
