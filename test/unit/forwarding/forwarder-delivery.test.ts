/** The forwarder against a real local HTTP server: retries, rejection, redirects, redaction. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testConnection } from '../../../src/main/forwarding/forwarder';
import { event, forwardingRig, freePort, ids, range, sleep, waitFor } from './support';

const { dirs, fwd, server } = forwardingRig();

describe('forwarder delivery', () => {
  it('(a) 500s, then timeouts, then recovery: every event exactly once, in order, one key per batch', async () => {
    // Requests 3 and 4 are processed but never answered (a lost response): the retry must carry
    // the same key, so the server's dedupe keeps the batch once.
    const srv = await server((req) => (req.n <= 2 ? { status: 500 } : req.n <= 4 ? { hang: true, store: true } : { status: 200 }));
    const { forwarder } = await fwd.open(await dirs.make(), srv.url);
    forwarder.start();
    for (const i of range(0, 23)) forwarder.enqueue(event(i));
    await waitFor(() => forwarder.status().delivered === 23, 8000, 'all events delivered');

    expect(srv.storedEventIds()).toEqual(ids(0, 23));
    const first = srv.requests[0];
    expect(first?.body).toMatchObject({ source: 'switchboard', batchId: first?.key, events: ids(0, 5).map((id) => ({ id })) });
    expect(first?.contentType).toBe('application/json');
    expect(srv.requests.slice(0, 5).map((r) => r.key)).toEqual(Array(5).fill(first?.key));
    expect(srv.attemptsPerKey.get(first?.key ?? '')).toBe(5);
    // The requests the server answered with 2xx carry every event once, in order.
    expect(srv.requests.slice(4).flatMap((r) => (r.body.events ?? []).map((e) => e.id))).toEqual(ids(0, 23));
    expect(srv.attemptsPerKey.size).toBe(5); // 5 + 5 + 5 + 5 + 3
    expect(new Set(srv.requests.map((r) => r.body.batchId)).size).toBe(5);
    await forwarder.flush();
    expect(forwarder.status()).toMatchObject({ state: 'idle', queuedEvents: 0, delivered: 23, dropped: 0, rejected: 0 });
    expect(forwarder.status().lastError).toBeUndefined();
  });

  it('(d) a 401, 403 or 404 is retried with backoff under the same key, never set aside (a token rotation, a deploy)', async () => {
    const outage = [401, 401, 403, 404];
    const srv = await server((req) => ({ status: outage[req.n - 1] ?? 200 }));
    const dir = await dirs.make();
    const { forwarder } = await fwd.open(dir, srv.url);
    forwarder.start();
    for (const i of range(0, 10)) forwarder.enqueue(event(i));
    await waitFor(() => forwarder.status().delivered === 10, 5000, 'both batches delivered');

    expect(srv.storedEventIds()).toEqual(ids(0, 10));
    expect(srv.requests.map((r) => r.key)).toEqual([...Array(5).fill(srv.requests[0]?.key), srv.requests[5]?.key]);
    expect(await readdir(join(dir, 'rejected'))).toEqual([]);
    expect(forwarder.status()).toMatchObject({ rejected: 0, dropped: 0, queuedEvents: 0 });
  });

  it('(d) a 400/413/422 splits the batch: only the refused events are set aside, the rest delivered in order', async () => {
    // The server refuses any request carrying e2 (400) or e7 (422).
    const srv = await server((req) => {
      const sent = (req.body.events ?? []).map((e) => e.id);
      return { status: sent.includes('e2') ? 400 : sent.includes('e7') ? 422 : 200 };
    });
    const dir = await dirs.make();
    const logs: string[] = [];
    const { forwarder } = await fwd.open(dir, srv.url, { log: (m) => logs.push(m) });
    forwarder.start();
    for (const i of range(0, 10)) forwarder.enqueue(event(i));
    await waitFor(() => forwarder.status().delivered === 8, 5000, 'all but the refused events delivered');

    expect(srv.storedEventIds()).toEqual(['e0', 'e1', 'e3', 'e4', 'e5', 'e6', 'e8', 'e9']);
    const rejected = (await readdir(join(dir, 'rejected'))).sort();
    expect(rejected).toHaveLength(2);
    const kept = await Promise.all(rejected.map(async (f) => JSON.parse(await readFile(join(dir, 'rejected', f), 'utf8')) as { event: { id: string }; status: number }));
    expect(kept.map((k) => [k.event.id, k.status]).sort()).toEqual([['e2', 400], ['e7', 422]]);
    // Sub-batch keys name the batch and the range, so a run after a restart repeats them exactly.
    expect(srv.requests.map((r) => r.key).filter((k) => k.includes(':'))).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f-]{36}:0-3$/)]));
    await forwarder.flush();
    expect(forwarder.status()).toMatchObject({ rejected: 2, queuedEvents: 0, dropped: 0 });
    expect(logs.filter((m) => m.includes('set aside'))).toHaveLength(2);
  });

  it('(e) a redirect loop is not followed: retried with backoff, few requests, reported', async () => {
    let url = '';
    const srv = await server(() => ({ status: 307, headers: { location: url } }));
    url = srv.url;
    const { forwarder } = await fwd.open(await dirs.make(), srv.url, { backoff: { baseMs: 50, maxMs: 400, random: () => 0.5 } });
    forwarder.start();
    for (const i of range(0, 3)) forwarder.enqueue(event(i));
    await sleep(700);

    // Backoff ~38, 75, 150, 300 ms: about 5 attempts. Following the redirect would be 20 per attempt.
    expect(srv.requests.length).toBeGreaterThanOrEqual(3);
    expect(srv.requests.length).toBeLessThanOrEqual(7);
    expect(new Set(srv.requests.map((r) => r.key)).size).toBe(1);
    const status = forwarder.status();
    expect(status).toMatchObject({ state: 'backing-off', queuedEvents: 3, delivered: 0 });
    expect(status.lastError).toMatch(/307 redirect to .* not followed/);
    expect(status.nextAttemptAt).toBeGreaterThan(Date.now() - 50);
  });

  it('honours Retry-After on 429 (as a minimum wait)', async () => {
    const srv = await server(() => ({ status: 429, headers: { 'retry-after': '2' } }));
    const { forwarder } = await fwd.open(await dirs.make(), srv.url, { backoff: { baseMs: 20, maxMs: 60_000 } });
    forwarder.start();
    forwarder.enqueue(event(1));
    await forwarder.flush();
    const status = forwarder.status();
    expect(status).toMatchObject({ state: 'backing-off', lastError: expect.stringContaining('HTTP 429') });
    expect((status.nextAttemptAt ?? 0) - Date.now()).toBeGreaterThan(1500);
    expect(srv.requests).toHaveLength(1);
  });

  it('redacts before anything is written to the disk queue', async () => {
    const dir = await dirs.make();
    const { forwarder } = await fwd.open(dir, `http://127.0.0.1:${await freePort()}/x`, { redaction: 'full' });
    forwarder.enqueue(event(1, { party: { name: 'Ana Secret', number: '+1 555 010 0100' }, text: 'call me on 5550100100', raw: { from: '+15550100100' } }));
    await forwarder.flush();
    const [file] = (await readdir(dir)).filter((n) => n.startsWith('b-'));
    const text = await readFile(join(dir, file as string), 'utf8');
    expect(text).not.toMatch(/Secret|555|call me/);
    expect(JSON.parse(text)).toMatchObject({ id: 'e1', raw: { redacted: 'full' } });
  });

  it('is disabled without an endpoint, or with one that is not https (http only on localhost)', async () => {
    const off = (await fwd.open(await dirs.make(), null)).forwarder;
    off.start();
    off.enqueue(event(1));
    await off.flush();
    expect(off.status()).toMatchObject({ endpoint: null, state: 'disabled', queuedEvents: 0 });

    const plain = (await fwd.open(await dirs.make(), 'http://example.com/ingest')).forwarder;
    plain.enqueue(event(1));
    expect(plain.status()).toMatchObject({ state: 'disabled', queuedEvents: 0, lastError: expect.stringContaining('https://') });
  });
});

describe('testConnection', () => {
  it('POSTs a test body and reports the answer', async () => {
    const srv = await server((req) => (req.path === '/ok' ? { status: 204 } : req.path === '/moved' ? { status: 301, headers: { location: '/ok' } } : { status: 404 }));
    const base = `http://127.0.0.1:${srv.port}`;
    expect(await testConnection(`${base}/ok`, 1000)).toMatchObject({ ok: true, status: 204 });
    expect(srv.requests[0]?.body).toEqual({ source: 'switchboard', test: true });
    expect(await testConnection(`${base}/nope`, 1000)).toMatchObject({ ok: false, status: 404, message: expect.stringContaining('404') });
    expect(await testConnection(`${base}/moved`, 1000)).toMatchObject({ ok: false, status: 301, message: expect.stringContaining('not followed') });
    expect(srv.requests).toHaveLength(3);
    expect(await testConnection('http://example.com/x', 1000)).toMatchObject({ ok: false, message: expect.stringContaining('https://') });
    expect(await testConnection(`http://127.0.0.1:${await freePort()}/`, 1000)).toMatchObject({ ok: false, message: expect.stringContaining('ECONNREFUSED') });
  });
});
