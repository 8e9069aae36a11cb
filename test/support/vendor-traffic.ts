/**
 * Vendor traffic for tests that drive main: the captured lines of test/fixtures/replay (one line
 * per documented event of each vendor, as the README's "Replaying captured events" describes) and
 * the demo softphone itself (src/renderer/demo/softphone.ts), whose posts are what the built-in
 * demo sends from app://demo.
 */
import { readFileSync } from 'node:fs';
import { createSoftphone } from '../../src/renderer/demo/softphone';
import { APP_ORIGINS } from '../../src/shared/app-urls';
import type { VendorId } from '../../src/shared/contract/shell-event';
import { ReplayLineSchema } from '../../src/shared/core/replay-format';
import type { Sent } from './shell-main';

const files = new Map<VendorId, string[]>();

/** Line `n` (1-based, as the replay command numbers them) of test/fixtures/replay/<vendor>.jsonl. */
export function replayed(vendor: VendorId, n: number): Sent {
  let lines = files.get(vendor);
  if (!lines) {
    lines = readFileSync(new URL(`../fixtures/replay/${vendor}.jsonl`, import.meta.url), 'utf8').split('\n');
    files.set(vendor, lines);
  }
  const text = lines[n - 1];
  if (!text) throw new Error(`test/fixtures/replay/${vendor}.jsonl has no line ${n}`);
  const line = ReplayLineSchema.parse(JSON.parse(text));
  if (line.vendor !== vendor) throw new Error(`line ${n} of ${vendor}.jsonl is a ${line.vendor} line`);
  return { origin: line.origin, data: line.data, ...(line.transport ? { transport: line.transport } : {}), ...(line.direction ? { direction: line.direction } : {}) };
}

/** The demo softphone, its every post delivered to `deliver` as the page posts it. */
export function demoSoftphone(deliver: (sent: Sent) => void) {
  const later: Array<() => void> = [];
  const phone = createSoftphone({ post: (data) => deliver({ origin: APP_ORIGINS.demo, data }), schedule: (fn) => later.push(fn), onChange: () => undefined });
  return { phone, runScheduled: () => later.splice(0).forEach((fn) => fn()) };
}

/** The vendor messages of test/fixtures/replay/cases/<name>.jsonl, in order (each line names its source). */
export function caseMessages(name: string): Sent[] {
  return readFileSync(new URL(`../fixtures/replay/cases/${name}.jsonl`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((text) => {
      const line = ReplayLineSchema.parse(JSON.parse(text));
      return { origin: line.origin, data: line.data, ...(line.transport ? { transport: line.transport } : {}), ...(line.direction ? { direction: line.direction } : {}) };
    });
}
