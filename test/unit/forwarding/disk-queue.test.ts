import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDiskQueue, type DiskQueue } from '../../../src/main/forwarding/disk-queue';
import { event, ids, range, tempDirs } from './support';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

async function drain(queue: DiskQueue): Promise<string[]> {
  const out: string[] = [];
  for (let batch = await queue.peek(); batch; batch = await queue.peek()) {
    out.push(...batch.events.map((e) => e.id));
    await queue.ack(batch.id);
  }
  return out;
}

const batchFiles = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((n) => n.startsWith('b-')).sort();

describe('disk queue', () => {
  it('keeps batches in order across a reopen, with stable ids', async () => {
    const dir = await dirs.make();
    const q1 = await openDiskQueue(dir, { maxEvents: 100 });
    await q1.append(range(0, 3).map((i) => event(i)));
    await q1.append(range(3, 5).map((i) => event(i)));
    const first = await q1.peek();
    expect(await q1.peek()).toEqual(first); // Peeking twice hands out the same batch.

    const q2 = await openDiskQueue(dir, { maxEvents: 100 });
    expect(q2.stats()).toMatchObject({ queuedEvents: 5, queuedBatches: 2, dropped: 0, bad: 0 });
    expect((await q2.peek())?.id).toBe(first?.id);
    await q2.append([event(5)]);
    expect(await drain(q2)).toEqual(ids(0, 6));
    expect(q2.stats()).toMatchObject({ queuedEvents: 0, queuedBatches: 0 });
    expect(await batchFiles(dir)).toEqual([]);
  });

  it('discards a torn temp file left by a crash mid-write', async () => {
    const dir = await dirs.make();
    const q1 = await openDiskQueue(dir, { maxEvents: 100 });
    await q1.append([event(1)]);
    const [name] = await batchFiles(dir);
    await writeFile(join(dir, `b-000000000002-1-${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.json.tmp`), '{"id":"x","ev');
    await writeFile(join(dir, 'state.json.tmp'), '{"dro');

    const q2 = await openDiskQueue(dir, { maxEvents: 100 });
    expect(q2.stats()).toMatchObject({ queuedBatches: 1, bad: 0 });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(await batchFiles(dir)).toEqual([name]);
    expect(await drain(q2)).toEqual(['e1']);
  });

  it('is bounded: drops the oldest whole batches and persists the dropped count', async () => {
    const dir = await dirs.make();
    const logs: string[] = [];
    const q1 = await openDiskQueue(dir, { maxEvents: 5, log: (m) => logs.push(m) });
    for (const start of [0, 2, 4, 6]) await q1.append([event(start), event(start + 1)]);
    expect(q1.stats()).toMatchObject({ queuedEvents: 4, queuedBatches: 2, dropped: 4 });
    expect(logs.some((m) => m.includes('dropped the oldest'))).toBe(true);

    // A batch growing past the whole bound: the older batches go first, then the open batch
    // itself is sealed and dropped as the oldest, and the newest events start a new one.
    await q1.append(range(10, 18).map((i) => event(i)));
    expect(q1.stats()).toMatchObject({ queuedEvents: 3, queuedBatches: 1, dropped: 4 + 4 + 5 });

    const q2 = await openDiskQueue(dir, { maxEvents: 5 });
    expect(q2.stats()).toMatchObject({ queuedEvents: 3, dropped: 13 });
    expect(await drain(q2)).toEqual(ids(15, 18));

    // A lower bound set since the last run applies at open.
    const q3 = await openDiskQueue(dir, { maxEvents: 5 });
    for (const start of [20, 22]) await q3.append([event(start), event(start + 1)]);
    const q4 = await openDiskQueue(dir, { maxEvents: 2 });
    expect(q4.stats()).toMatchObject({ queuedEvents: 2, dropped: 15 });
    expect(await drain(q4)).toEqual(['e22', 'e23']);
  });

  it('moves corrupt or foreign files to bad/, counts them, and never throws', async () => {
    const dir = await dirs.make();
    const q1 = await openDiskQueue(dir, { maxEvents: 100 });
    for (const i of [0, 1, 2, 3]) await q1.append([event(i)]);
    const names = await batchFiles(dir);
    await writeFile(join(dir, names[1] as string), '{"id": "trunc');
    await writeFile(join(dir, names[2] as string), JSON.stringify({ id: 'other', seq: 3, events: [event(2)] }));
    await writeFile(join(dir, 'notes.txt'), 'hello');

    const q2 = await openDiskQueue(dir, { maxEvents: 100 });
    expect(q2.stats()).toMatchObject({ bad: 1 }); // The foreign name, at open.
    expect(await drain(q2)).toEqual(['e0', 'e3']);
    expect(q2.stats()).toMatchObject({ bad: 3, queuedEvents: 0 });
    expect(await readdir(join(dir, 'bad'))).toHaveLength(3);
    expect((await openDiskQueue(dir, { maxEvents: 100 })).stats().bad).toBe(3);
  });

  it('sets aside one refused event in rejected/ once, counted and persisted; the batch stays queued', async () => {
    const dir = await dirs.make();
    const q = await openDiskQueue(dir, { maxEvents: 100 });
    await q.append([event(1), event(2), event(3)]);
    const head = (await q.peek())!;
    await q.setAside(head, 1, 422, 'HTTP 422: bad field');
    await q.setAside(head, 1, 422, 'HTTP 422: bad field'); // Asked again after a restart: kept once.
    await q.ack('no-such-batch');
    expect(q.stats()).toMatchObject({ rejected: 1, queuedEvents: 3 });
    const files = await readdir(join(dir, 'rejected'));
    expect(files).toEqual([`${head.id}-1.http-422.json`]);
    expect(JSON.parse(await readFile(join(dir, 'rejected', files[0]!), 'utf8'))).toMatchObject({ batchId: head.id, index: 1, status: 422, event: { id: 'e2' } });
    expect((await openDiskQueue(dir, { maxEvents: 100 })).stats().rejected).toBe(1);
  });

  it('an open batch is on disk event by event, and a crash leaves it recoverable under its own id', async () => {
    const dir = await dirs.make();
    const q1 = await openDiskQueue(dir, { maxEvents: 100 });
    expect(q1.write(event(0))).toBe(true);
    expect(q1.write(event(1))).toBe(true);
    // No seal, no close: what a SIGKILL leaves. Plus a torn third line (a kill inside write(2)).
    const [open] = (await readdir(dir)).filter((n) => n.startsWith('o-'));
    expect(open).toMatch(/^o-000000000001-[0-9a-f-]{36}\.jsonl$/);
    expect((await readFile(join(dir, open!), 'utf8')).split('\n').map((l) => (l ? (JSON.parse(l) as { id: string }).id : l))).toEqual(['e0', 'e1', '']);
    await writeFile(join(dir, open!), '{"id":"e2","at":17', { flag: 'a' });

    const logs: string[] = [];
    const q2 = await openDiskQueue(dir, { maxEvents: 100, log: (m) => logs.push(m) });
    expect(q2.stats()).toMatchObject({ queuedEvents: 2, queuedBatches: 1, bad: 0 });
    expect(logs.some((m) => m.includes('torn last line'))).toBe(true);
    const batch = await q2.peek();
    expect(batch?.id).toBe(open!.slice(15, 51));
    expect(await drain(q2)).toEqual(['e0', 'e1']);
  });

  it('serializes concurrent appends in call order', async () => {
    const dir = await dirs.make();
    const q = await openDiskQueue(dir, { maxEvents: 1000 });
    await Promise.all(range(0, 20).map((i) => q.append([event(i)])));
    expect(await drain(q)).toEqual(ids(0, 20));
  });
});
