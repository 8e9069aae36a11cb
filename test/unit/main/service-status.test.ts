/** The services' status in the shell snapshot, and the diagnostics line for event log losses. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDiskQueue } from '../../../src/main/forwarding/disk-queue';
import { createForwarder } from '../../../src/main/forwarding/forwarder';
import { createEventLog } from '../../../src/main/logs/event-log';
import { serviceStatus, watchEventLogLoss } from '../../../src/main/shell/service-status';
import { ShellState } from '../../../src/main/shell/shell-state';
import { ShellSnapshotSchema } from '../../../src/shared/ipc/shell-protocol';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'sb-status-'));
  dirs.push(d);
  return d;
};
const event = (i: number) => ({ id: `e${i}`, at: i, profile: 'demo', vendor: 'demo' as const, kind: 'vendor.info' as const, vendorEvent: 'x', raw: {} });

describe('service status', () => {
  it('the snapshot carries the real forwarder and event log status, and validates', async () => {
    const dir = temp();
    const notADir = join(dir, 'file');
    writeFileSync(notADir, '');
    const eventLog = await createEventLog({ dir: notADir, maxFileMb: 1, retentionDays: 30, redaction: 'off' });
    const queue = await openDiskQueue(join(dir, 'q'), { maxEvents: 100 });
    const forwarder = createForwarder({ endpoint: 'https://siem.example/in?token=t0k#x', batchSize: 5, timeoutMs: 500, queue, redaction: 'off' });
    for (const i of [1, 2, 3]) {
      eventLog.event(event(i));
      forwarder.enqueue(event(i));
    }
    const state = new ShellState([], false);
    state.watchServices(() => serviceStatus({ forwarder, eventLog }));
    const { services } = ShellSnapshotSchema.parse(state.snapshot());
    expect(services).toEqual({
      forwarding: { endpoint: 'https://siem.example/in', state: 'idle', queuedEvents: 3, dropped: 0, rejected: 0, delivered: 0, bad: 0, expired: 0 },
      eventLog: { dropped: 3, problem: expect.stringContaining(notADir) },
    });
    expect(ShellSnapshotSchema.parse(new ShellState([], false).snapshot()).services).toEqual({ forwarding: null, eventLog: { dropped: 0, problem: null } });
    await forwarder.stop();
    await eventLog.close();
  });

  it('the event log loss is logged when the count changes, not on every tick', () => {
    const log = { dropped: 0, problem: null as string | null };
    const lines: unknown[] = [];
    const check = watchEventLogLoss(log, (message, data) => lines.push({ message, data }));
    expect([check(), check()]).toEqual([false, false]);
    log.dropped = 4;
    log.problem = 'ENOSPC';
    expect([check(), check(), check()]).toEqual([true, false, false]);
    expect(lines).toEqual([{ message: 'event log: lines could not be written', data: { dropped: 4, since: 0, problem: 'ENOSPC' } }]);
  });
});
