/**
 * Forwarding soak: a child process running the real forwarder (soak-child.ts) is SIGKILLed again
 * and again while it produces events, against a real local HTTPS server (a throwaway self-signed
 * certificate made with openssl, trusted by the child through NODE_EXTRA_CA_CERTS) that flaps:
 * 401s, 500s, and requests it never answers (some of them after storing the batch: a lost
 * response). The server dedupes on the Idempotency-Key, as the forwarding contract expects.
 *
 * Every event whose enqueue() returned must be stored exactly once, in production order; the only
 * other events allowed are ones written but not yet reported when a kill landed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./soak-child.ts', import.meta.url));
const KILLS = 14;

const work = mkdtempSync(join(tmpdir(), 'sb-soak-'));
const BUNDLE = join(work, 'soak-child.mjs');
afterAll(() => rmSync(work, { recursive: true, force: true, maxRetries: 5 }));
// One bundle for all the child's starts: plain node starts it in a fraction of tsx's time, so the
// soak spends its time forwarding and being killed, not compiling.
beforeAll(async () => {
  // The banner gives the ESM bundle a `require` for the CommonJS packages inside it that require
  // Node built-ins (socket.io-parser's `debug`, reached through the vendor registry), which
  // esbuild's ESM output cannot otherwise load.
  await build({
    entryPoints: [CHILD],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: BUNDLE,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __sbCreateRequire } from 'node:module'; const require = __sbCreateRequire(import.meta.url);" },
  });
});

function certificate(): { key: Buffer; cert: Buffer; certPath: string } {
  const result = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')],
    { stdio: 'pipe' },
  );
  if (result.status !== 0) throw new Error(`openssl could not make the test certificate: ${result.stderr.toString()}`);
  return { key: readFileSync(join(work, 'key.pem')), cert: readFileSync(join(work, 'cert.pem')), certPath: join(work, 'cert.pem') };
}

interface Counts {
  requests: number;
  served401: number;
  served500: number;
  hangs: number;
  lostResponses: number;
  duplicatesSuppressed: number;
}

/** The flapping endpoint. Stored batches are kept in arrival order, first arrival per key only. */
async function flappingServer(key: Buffer, cert: Buffer) {
  const counts: Counts = { requests: 0, served401: 0, served500: 0, hangs: 0, lostResponses: 0, duplicatesSuppressed: 0 };
  let flapping = true;
  const storedKeys = new Set<string>();
  const storedIds: string[] = [];
  const store = (idempotencyKey: string, ids: string[]): void => {
    if (storedKeys.has(idempotencyKey)) {
      counts.duplicatesSuppressed++;
      return;
    }
    storedKeys.add(idempotencyKey);
    storedIds.push(...ids);
  };
  const server: Server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = ++counts.requests;
      const idempotencyKey = String(req.headers['idempotency-key'] ?? '');
      let ids: string[];
      try {
        ids = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: Array<{ id: string }> }).events.map((e) => e.id);
      } catch {
        res.writeHead(400).end('not JSON');
        return;
      }
      const reply = (status: number) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
      // Every ten requests: two 401s, a 500, one never answered, one stored but never answered.
      const phase = n % 10;
      if (flapping && (phase === 1 || phase === 9)) {
        counts.served401++;
        return reply(401); // A token rotation in progress.
      }
      if (flapping && phase === 3) {
        counts.served500++;
        return reply(500);
      }
      if (flapping && phase === 6) {
        counts.hangs++;
        return; // Never answered: the forwarder's timeout ends it.
      }
      if (flapping && phase === 8) {
        counts.lostResponses++;
        store(idempotencyKey, ids);
        return; // Stored, but the answer never comes: the retry must be deduplicated.
      }
      store(idempotencyKey, ids);
      reply(200);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `https://localhost:${(server.address() as AddressInfo).port}/ingest`,
    counts,
    storedIds,
    stopFlapping: () => void (flapping = false),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

interface Run {
  /** Highest n the child reported queued (-1: none). */
  lastQueued: number;
  signal: NodeJS.Signals | null;
  drained: boolean;
}

/**
 * Runs one child. `killWhen` (polled every 10 ms) decides the SIGKILL from the child's progress and
 * the server's, not from a clock, so a loaded machine still kills mid-stream and mid-retry; null
 * lets the child drain and exit.
 */
function runChild(queueDir: string, url: string, certPath: string, incarnation: number, count: number, killWhen: ((run: Run) => boolean) | null): Promise<Run> {
  const child = spawn(process.execPath, [BUNDLE, queueDir, url, String(incarnation), String(count)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath },
  });
  const run: Run = { lastQueued: -1, signal: null, drained: false };
  let stderr = '';
  let pending = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', (c: Buffer) => {
    pending += c.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const queued = /^queued (\d+)$/.exec(line);
      if (queued) run.lastQueued = Number(queued[1]);
      else if (line === 'drained') run.drained = true;
    }
  });
  const started = Date.now();
  const poll = setInterval(() => {
    // A life never lasts more than 2 s, whatever the progress: the soak's run time stays bounded.
    if (killWhen && (killWhen(run) || Date.now() - started > 2000)) child.kill('SIGKILL');
  }, 10);
  return new Promise((resolve, reject) => {
    const cap = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code, signal) => {
      clearTimeout(cap);
      clearInterval(poll);
      run.signal = signal;
      if (killWhen === null && code !== 0) reject(new Error(`the draining child failed (${code ?? signal}): ${stderr}`));
      else if (killWhen !== null && signal !== 'SIGKILL') reject(new Error(`the child ended before its kill (${code}): ${stderr}`));
      else resolve(run);
    });
  });
}

describe('forwarding soak: repeated SIGKILL against a flapping HTTPS endpoint', () => {
  it('delivers every queued event exactly once, in order', { timeout: 60_000 }, async () => {
    const { key, cert, certPath } = certificate();
    const server = await flappingServer(key, cert);
    const queueDir = join(work, 'queue');
    const runs: Run[] = [];
    const startedAt = Date.now();
    try {
      for (let k = 0; k < KILLS; k++) {
        // Kills spread over a child's life: after 30 to 130 events and 4 to 12 requests of its own,
        // so some land mid-stream, some mid-retry, some while a request hangs.
        const before = server.counts.requests;
        const events = 30 + ((k * 53) % 100);
        const requests = 4 + ((k * 5) % 9);
        runs.push(await runChild(queueDir, server.url, certPath, k, 100_000, (run) => run.lastQueued >= events && server.counts.requests - before >= requests));
      }
      // The last start drains the queue (the endpoint steady now, so the run time stays bounded).
      server.stopFlapping();
      const final = await runChild(queueDir, server.url, certPath, KILLS, 0, null);
      expect(final.drained).toBe(true);
    } finally {
      await server.close();
    }

    const parse = (id: string) => id.match(/^k(\d+)-(\d+)$/)?.slice(1).map(Number) as [number, number];
    const produced = runs.reduce((sum, r) => sum + r.lastQueued + 1, 0);
    const delivered = server.storedIds;
    const unique = new Set(delivered);
    const order = delivered.map(parse);
    const outOfOrder = order.filter((at, i) => i > 0 && (at[0] < order[i - 1]![0] || (at[0] === order[i - 1]![0] && at[1] <= order[i - 1]![1]))).length;
    const missing: string[] = [];
    runs.forEach((r, k) => {
      for (let n = 0; n <= r.lastQueued; n++) if (!unique.has(`k${k}-${n}`)) missing.push(`k${k}-${n}`);
    });
    // Written to the queue but killed before it could say so: at most the few events of one turn.
    const unreported = delivered.filter((id) => {
      const [k, n] = parse(id);
      return n > runs[k]!.lastQueued;
    });

    console.log(
      `forwarding soak: produced ${produced} (reported queued), delivered ${delivered.length} (${unreported.length} more written just before a kill), ` +
        `duplicates suppressed ${server.counts.duplicatesSuppressed}, kills ${runs.filter((r) => r.signal === 'SIGKILL').length}, ` +
        `served 401 ×${server.counts.served401}, 500 ×${server.counts.served500}, timeouts (no answer) ×${server.counts.hangs}, ` +
        `lost responses (stored, no answer) ×${server.counts.lostResponses}, requests ${server.counts.requests}; missing ${missing.length}; ${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    );
    expect(runs.filter((r) => r.signal === 'SIGKILL')).toHaveLength(KILLS);
    expect(missing.length, `missing, e.g. ${missing.slice(0, 5).join(', ')}`).toBe(0);
    expect(delivered.length).toBe(unique.size); // Exactly once.
    expect(outOfOrder).toBe(0);
    expect(unreported.length).toBeLessThanOrEqual(KILLS);
    expect(server.counts.served401).toBeGreaterThan(0);
    expect(server.counts.served500).toBeGreaterThan(0);
    expect(server.counts.hangs).toBeGreaterThan(0);
    expect(produced).toBeGreaterThan(KILLS * 30);
  });
});
