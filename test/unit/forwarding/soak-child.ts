/**
 * Child process of soak.test.ts: the real disk queue and forwarder, as main wires them
 * (src/main/app/services.ts), posting to the parent's HTTPS endpoint while it produces numbered
 * events until it is SIGKILLed. Each event's id is `k<incarnation>-<n>`; right after enqueue()
 * returns it prints `queued <n>` (stdout to a pipe is synchronous on Linux, so a printed line means
 * enqueue() had returned). Run as
 *   node --import tsx soak-child.ts <queueDir> <endpoint> <incarnation> <events to produce>
 * With 0 events it only drains: it prints `drained` once the queue is empty, then exits.
 */
import { openDiskQueue } from '../../../src/main/forwarding/disk-queue';
import { createForwarder } from '../../../src/main/forwarding/forwarder';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';

const [dir, endpoint, incarnation, total] = process.argv.slice(2);
if (!dir || !endpoint || !incarnation || total === undefined) throw new Error('usage: soak-child.ts <dir> <endpoint> <incarnation> <count>');

const queue = await openDiskQueue(dir, { maxEvents: 100_000 });
const forwarder = createForwarder({
  endpoint,
  batchSize: 5,
  timeoutMs: 150,
  queue,
  redaction: 'off',
  lingerMs: 15,
  backoff: { baseMs: 10, maxMs: 80 },
});
forwarder.start();
process.stdout.write(`ready ${forwarder.status().queuedEvents}\n`);

const event = (n: number): ShellEvent => ({
  id: `k${incarnation}-${n}`,
  at: 1_700_000_000_000 + n,
  profile: 'soak',
  vendor: 'demo',
  kind: 'vendor.info',
  vendorEvent: 'soak',
  raw: { n },
});

const count = Number(total);
for (let n = 0; n < count; n++) {
  forwarder.enqueue(event(n));
  process.stdout.write(`queued ${n}\n`);
  // A couple of events per turn of the event loop, as captures arrive in main; paced so the
  // sender (one batch in flight) is busy while the child lives, not only after the last kill.
  if (n % 2 === 1) await new Promise((resolve) => setTimeout(resolve, 10));
}
if (count === 0) {
  for (;;) {
    await forwarder.flush();
    if (forwarder.status().queuedEvents === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.stdout.write('drained\n');
  await forwarder.stop();
} else {
  // Keep sending until killed (the forwarder's own timers are unref'd).
  setInterval(() => undefined, 1000);
}
