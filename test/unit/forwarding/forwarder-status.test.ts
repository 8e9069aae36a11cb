/** What the forwarder tells the agent and the diagnostics log, and how live settings reach it. */
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDiskQueue } from '../../../src/main/forwarding/disk-queue';
import { event, forwardingRig, freePort, range, waitFor } from './support';

const { dirs, fwd, server } = forwardingRig();

describe('forwarder status and settings', () => {
  it('raising redaction applies at once, to events already queued on disk too', async () => {
    const port = await freePort();
    const dir = await dirs.make();
    const { forwarder } = await fwd.open(dir, `http://127.0.0.1:${port}/in`, { redaction: 'off' });
    forwarder.start();
    forwarder.enqueue(event(1, { party: { name: 'Ana Secret', number: '+1 555 010 0100' }, text: 'call me on 5550100100' }));
    await forwarder.flush(); // Queued on disk, unredacted (the setting was off), server down.

    forwarder.setRedaction('full');
    const srv = await server(() => ({ status: 200 }), port);
    await waitFor(() => forwarder.status().delivered === 1, 5000, 'delivered after the server came up');
    const sent = JSON.stringify(srv.requests.at(-1)?.body);
    expect(sent).not.toMatch(/Secret|555|call me/);
    expect(srv.requests.at(-1)?.body.events?.[0]).toMatchObject({ id: 'e1' });
  });

  it('a redirect is reported without its credentials, query or fragment', async () => {
    const logs: string[] = [];
    const srv = await server(() => ({ status: 302, headers: { location: 'https://svc:hunter2@other.example/in/?token=abc123&x=1#frag' } }));
    const { forwarder } = await fwd.open(await dirs.make(), srv.url, { log: (m, d) => logs.push(`${m} ${JSON.stringify(d)}`) });
    forwarder.start();
    forwarder.enqueue(event(1));
    await forwarder.flush();
    const status = forwarder.status();
    expect(status.lastError).toContain('redirect to https://other.example/in/ not followed');
    expect(JSON.stringify(status)).not.toMatch(/hunter2|svc|token|abc123|frag/);
    expect(logs.join('\n')).toContain('other.example/in/');
    expect(logs.join('\n')).not.toMatch(/hunter2|svc:|token|abc123|frag/);
  });

  it('the endpoint in status and logs never carries its query or user info', async () => {
    const logs: string[] = [];
    const port = await freePort();
    const { forwarder } = await fwd.open(await dirs.make(), `http://user:pw@127.0.0.1:${port}/in?key=s3cret`, { log: (m, d) => logs.push(`${m} ${JSON.stringify(d)}`) });
    forwarder.start();
    forwarder.enqueue(event(1));
    await forwarder.flush();
    expect(forwarder.status().endpoint).toBe(`http://127.0.0.1:${port}/in`);
    expect(logs.join('\n')).not.toMatch(/s3cret|user:pw/);
  });

  it('logs state changes, not every attempt, and announces each change the status shows once', async () => {
    const logs: Array<{ message: string; data: unknown }> = [];
    const announced: string[] = [];
    const srv = await server((req) => ({ status: req.n <= 6 ? 500 : 200 }));
    const { forwarder } = await fwd.open(await dirs.make(), srv.url, {
      log: (message, data) => logs.push({ message, data }),
      onChange: () => void announced.push(JSON.stringify(forwarder.status())),
    });
    forwarder.start();
    for (const i of range(0, 5)) forwarder.enqueue(event(i));
    await waitFor(() => forwarder.status().delivered === 5, 5000, 'delivered after the 500s');
    await forwarder.flush();

    expect(srv.requests).toHaveLength(7);
    const statusLines = logs.filter((l) => l.message.startsWith('status:'));
    expect(statusLines.map((l) => l.message)).toEqual(['status: failing', 'status: ok']);
    expect(statusLines[0]?.data).toMatchObject({ state: 'backing-off', lastError: expect.stringContaining('HTTP 500'), queuedEvents: 5 });
    expect(statusLines[1]?.data).toMatchObject({ queuedEvents: 0, delivered: 5 });
    // Each announcement shows something the one before did not, and the last is the status now.
    expect(announced.filter((a, i) => a === announced[i - 1])).toEqual([]);
    expect(announced.at(-1)).toBe(JSON.stringify(forwarder.status()));
    // At most the start, per attempt its start and its outcome (7 attempts), the batch's removal
    // from the queue, and idle: a bounded number, not one per event.
    expect(announced.length).toBeLessThanOrEqual(1 + 2 * 7 + 2);
  });

  it('a status shown mid-attempt is never left standing: the retry that follows is announced too', async () => {
    // Settings showed "Sending" during a retry (a snapshot pushed by a ring) and kept it: the
    // retry's failure repeated the last error, so nothing was announced after it.
    const shown: string[] = [];
    const srv = await server(() => ({ status: 503 }));
    const { forwarder } = await fwd.open(await dirs.make(), srv.url, {
      backoff: { baseMs: 20, maxMs: 40 },
      onChange: () => void shown.push(forwarder.status().state),
    });
    forwarder.start();
    forwarder.enqueue(event(1));
    await forwarder.flush();
    await waitFor(() => srv.requests.length >= 3, 5000, 'three attempts');
    await waitFor(() => forwarder.status().state === 'backing-off', 5000, 'backing off after the third');
    expect(forwarder.status().lastError).toContain('HTTP 503');
    // The UI saw every attempt start and every failure, in order, ending where the forwarder is.
    const attempts = shown.filter((s) => s === 'sending').length;
    expect(attempts).toBeGreaterThanOrEqual(3);
    expect(shown.filter((s) => s === 'backing-off').length).toBeGreaterThanOrEqual(attempts - 1);
    expect(shown.at(-1)).toBe('backing-off');
  });
});

describe('set-aside files follow the log retention', () => {
  it('deletes bad/ and rejected/ files past logs.retentionDays at open, counts and logs it', async () => {
    const dir = await dirs.make();
    await openDiskQueue(dir, { maxEvents: 100 });
    const old = new Date(Date.now() - 31 * 86_400_000);
    for (const [sub, name] of [['bad', 'x.json'], ['rejected', 'a-0.http-400.json'], ['rejected', 'b-1.http-400.json']] as const) {
      await writeFile(join(dir, sub, name), '{}');
      if (name !== 'b-1.http-400.json') await utimes(join(dir, sub, name), old, old);
    }
    const logs: Array<{ message: string; data: unknown }> = [];
    const q = await openDiskQueue(dir, { maxEvents: 100, retentionDays: 30, log: (message, data) => logs.push({ message, data }) });
    expect(q.stats()).toMatchObject({ expired: 2 });
    expect(logs).toContainEqual({ message: 'deleted set-aside files past the log retention', data: { deleted: 2, retentionDays: 30, totalExpired: 2 } });
    expect(await readdir(join(dir, 'bad'))).toEqual([]);
    expect(await readdir(join(dir, 'rejected'))).toEqual(['b-1.http-400.json']);
    expect((await openDiskQueue(dir, { maxEvents: 100 })).stats().expired).toBe(2);
  });
});
