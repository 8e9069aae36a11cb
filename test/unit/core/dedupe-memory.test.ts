/**
 * The dedupe window over a long shift (test/app/long-shift.spec.ts found this): an event's
 * fingerprint (src/shared/core/pipeline.ts, the text of a chat included) must not outlive its
 * window. The FIFO of keys used to keep every expired key until 4096 had piled up, so over a
 * 10-hour shift (≈3,400 events) main's heap grew by every fingerprint of the day.
 */
import { describe, expect, it } from 'vitest';
import { DedupeWindow } from '../../../src/shared/core/dedupe';

describe('dedupe window memory', () => {
  it('holds only the keys still inside the window, however many have gone through', () => {
    const d = new DedupeWindow(1_000);
    // A shift's worth of distinct events, 10 ms apart: about 100 are inside the window at any time.
    for (let i = 0; i < 4_000; i++) d.check(`demo\u0000message.inbound\u0000chat-${i}\u0000${'text of the chat '.repeat(8)}`, i * 10);
    expect(d.size).toBeLessThanOrEqual(101);
    expect(d.held, 'key strings the window still references').toBeLessThanOrEqual(d.size + 1);
  });

  it('still dedupes after expired keys were let go, and after the FIFO is compacted', () => {
    const d = new DedupeWindow(1_000);
    for (let i = 0; i < 10_000; i++) d.check(`k${i}`, i * 10);
    expect(d.check('k9999', 99_995)).toBe(true);
    expect(d.check('k0', 99_995)).toBe(false);
    expect(d.held).toBeLessThanOrEqual(d.size + 1);
  });
});
