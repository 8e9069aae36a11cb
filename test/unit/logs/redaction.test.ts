/**
 * What lands on disk: one typed line per entry, events exactly as the contract has them (a line
 * minus `type` validates against ShellEventSchema), redaction applied before writing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEventLog } from '../../../src/main/logs/event-log';
import type { Redaction } from '../../../src/shared/contract/settings';
import { ShellEventSchema } from '../../../src/shared/contract/shell-event';
import { numberedEvent, readFamily, tempDir } from './log-fixtures';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((remove) => remove()));

async function written(redaction: Redaction, write?: (log: Awaited<ReturnType<typeof createEventLog>>) => void) {
  const { dir, remove } = tempDir('redaction');
  cleanups.push(remove);
  const log = await createEventLog({ dir, maxFileMb: 20, retentionDays: 30, redaction });
  log.event(numberedEvent(0));
  log.rejection({ at: 5, profile: 'rc', reason: 'adapter: unknown message {"from":"+15550100123"}', count: 3 });
  log.permission({ at: 6, profile: 'rc', permission: 'media', origin: 'https://apps.ringcentral.com', granted: true, reason: 'allowed origin', kind: 'request' });
  write?.(log);
  await log.close();
  return (await readFamily(dir)).lines;
}

const asEvent = (line: Record<string, unknown> | undefined) => {
  const { type, ...event } = line ?? {};
  expect(type).toBe('event');
  return ShellEventSchema.parse(event);
};

describe('event log lines', () => {
  it('off: every field as captured, `type` the only addition', async () => {
    const [event, rejection, permission] = await written('off');
    expect(Object.keys(event ?? {})[0]).toBe('type');
    expect(asEvent(event)).toEqual(numberedEvent(0));
    expect(rejection).toEqual({ type: 'rejection', at: 5, profile: 'rc', reason: 'adapter: unknown message {"from":"+15550100123"}', count: 3 });
    expect(permission).toEqual({
      type: 'permission', at: 6, profile: 'rc', permission: 'media', origin: 'https://apps.ringcentral.com',
      granted: true, reason: 'allowed origin', kind: 'request',
    });
  });

  it('numbers: phone numbers keep their last 4 digits everywhere, reasons included', async () => {
    const lines = await written('numbers');
    const event = asEvent(lines[0]);
    expect(event.party).toEqual({ name: 'Jane Doe', number: '•••• 0123' });
    expect(JSON.stringify(event.raw)).not.toContain('555');
    expect(JSON.stringify(event.raw)).toContain('•••• 0123');
    expect(lines[1]?.reason).toBe('adapter: unknown message {"from":"•••• 0123"}');
    expect(JSON.stringify(lines)).not.toMatch(/5550100123|555\) 010/);
  });

  it('full: no party, text or payload, and rejection reasons withheld', async () => {
    const lines = await written('full', (log) => log.event({ ...numberedEvent(1), kind: 'message.inbound', text: 'call me on 555 010 0199' }));
    const event = asEvent(lines[0]);
    expect(event.party).toBeUndefined();
    expect(event.raw).toEqual({ redacted: 'full' });
    expect(event.queue).toBeUndefined(); // a queue name can carry the customer ("VIP +1 650…"): full keeps none of the vendor's text
    expect(event.ref).toBeUndefined();
    const message = asEvent(lines[3]);
    expect(message.text).toBeUndefined();
    expect(lines[1]?.reason).toBe('[redacted]');
    expect(JSON.stringify(lines)).not.toMatch(/Jane|555/);
  });

  it('a settings change applies to the lines written after it', async () => {
    const lines = await written('off', (log) => {
      log.setRedaction('full');
      log.event(numberedEvent(1));
    });
    expect(asEvent(lines[0]).party?.name).toBe('Jane Doe');
    expect(asEvent(lines[3]).party).toBeUndefined();
  });
});
