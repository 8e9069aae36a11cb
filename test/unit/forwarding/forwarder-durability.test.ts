/** The forwarder across restarts: offline capture, the bounded queue, damaged files on disk. */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDiskQueue } from '../../../src/main/forwarding/disk-queue';
import { event, forwardingRig, freePort, ids, range, startServer, type TestServer, waitFor } from './support';

const { dirs, fwd, servers } = forwardingRig();

/** An endpoint that is down (connection refused) until `up()` starts a server on its port. */
async function downEndpoint(): Promise<{ url: string; up(): Promise<TestServer> }> {
  const port = await freePort();
  return {
    url: `http://127.0.0.1:${port}/ingest`,
    async up() {
      const s = await startServer(() => ({ status: 200 }), port);
      servers.push(s);
      return s;
    },
  };
}

describe('forwarder durability', () => {
  it('(b) events captured while the server is down are delivered in order by the next run', async () => {
    const dir = await dirs.make();
    const endpoint = await downEndpoint();
    const first = await fwd.open(dir, endpoint.url);
    first.forwarder.start();
    for (const i of range(0, 12)) first.forwarder.enqueue(event(i));
    await first.forwarder.flush();
    expect(first.forwarder.status()).toMatchObject({ state: 'backing-off', queuedEvents: 12, lastError: expect.stringContaining('ECONNREFUSED') });
    // Two more arrive after the last flush: stop() must still put them on disk.
    first.forwarder.enqueue(event(12));
    first.forwarder.enqueue(event(13));
    await first.forwarder.stop();

    const srv = await endpoint.up();
    const second = await fwd.open(dir, endpoint.url);
    expect(second.forwarder.status().queuedEvents).toBe(14);
    second.forwarder.enqueue(event(14));
    second.forwarder.start();
    await waitFor(() => second.forwarder.status().delivered === 15, 5000, 'all events delivered after restart');

    expect(srv.storedEventIds()).toEqual(ids(0, 15));
    expect([...srv.attemptsPerKey.values()].every((n) => n === 1)).toBe(true);
    expect((await readdir(dir)).filter((n) => n.startsWith('b-'))).toEqual([]);
  });

  it('(c) a full queue drops the oldest events, reports and persists the count', async () => {
    const dir = await dirs.make();
    const endpoint = await downEndpoint();
    const first = await fwd.open(dir, endpoint.url, { maxEvents: 10, batchSize: 3 });
    first.forwarder.start();
    for (const i of range(0, 30)) first.forwarder.enqueue(event(i));
    await first.forwarder.flush();
    await first.forwarder.stop();
    expect(first.forwarder.status()).toMatchObject({ queuedEvents: 9, dropped: 21 });

    expect((await openDiskQueue(dir, { maxEvents: 10 })).stats()).toMatchObject({ queuedEvents: 9, dropped: 21 });
    const srv = await endpoint.up();
    const second = await fwd.open(dir, endpoint.url, { maxEvents: 10, batchSize: 3 });
    second.forwarder.start();
    await waitFor(() => second.forwarder.status().delivered === 9, 5000, 'survivors delivered');
    expect(srv.storedEventIds()).toEqual(ids(21, 30));
    expect(second.forwarder.status()).toMatchObject({ dropped: 21, queuedEvents: 0 });
  });

  it('(f) a corrupt batch file is moved to bad/ and the rest is delivered', async () => {
    const dir = await dirs.make();
    const endpoint = await downEndpoint();
    const first = await fwd.open(dir, endpoint.url);
    for (const i of range(0, 15)) first.forwarder.enqueue(event(i));
    await first.forwarder.stop(); // Never started: the events only go to disk.

    const files = (await readdir(dir)).filter((n) => n.startsWith('b-')).sort();
    expect(files).toHaveLength(3);
    await writeFile(join(dir, files[1] as string), '{"id":"'); // Damaged outside our atomic writes.

    const srv = await endpoint.up();
    const second = await fwd.open(dir, endpoint.url);
    second.forwarder.start();
    await waitFor(() => second.forwarder.status().delivered === 10, 5000, 'readable batches delivered');
    expect(srv.storedEventIds()).toEqual([...ids(0, 5), ...ids(10, 15)]);
    expect(second.forwarder.status()).toMatchObject({ bad: 1, queuedEvents: 0 });
    expect(await readdir(join(dir, 'bad'))).toEqual([expect.stringContaining(files[1] as string)]);
  });
});
