/**
 * Shared by the log tests and the crash writer (a child process): realistic numbered events, temp
 * directories under os.tmpdir(), and reading a log family back in order.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listLogFiles } from '../../../src/main/logs/log-files';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';

/** Event number n: id `n<n>`, an RC incoming call with a payload of realistic size. */
export function numberedEvent(n: number): ShellEvent {
  const call = { id: `call-${n}`, direction: 'Inbound', fromUserName: 'Jane Doe', fromNumber: '+1 (555) 010-0123', callQueueName: 'Sales' };
  return {
    id: `n${n}`,
    at: 1_700_000_000_000 + n,
    profile: 'rc',
    vendor: 'ringcentral-embeddable',
    kind: 'interaction.offered',
    vendorEvent: 'rc-call-ring-notify',
    ref: call.id,
    media: 'voice',
    party: { name: 'Jane Doe', number: '+1 (555) 010-0123' },
    queue: 'Sales',
    raw: { type: 'rc-call-ring-notify', call },
  };
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `switchboard-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Local date as log file names hold it (`yyyy-MM-dd`). */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Every line of the family, oldest file first; throws on a line that is not JSON. */
export async function readFamily(dir: string, family = 'events'): Promise<{ files: string[]; lines: Record<string, unknown>[]; text: string }> {
  const files = (await listLogFiles(dir, family)).map((f) => f.path);
  const text = files.map((file) => readFileSync(file, 'utf8')).join('');
  const lines = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { files, lines, text };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A real small disk: a tmpfs of `size` (e.g. '64k') mounted on a fresh directory. Needs root (CI
 * runs as root, .ci/run); `unmount` removes it. Tests of a full disk use this, not a fake.
 */
export function smallDisk(size: string): { dir: string; unmount: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (err) {
    rmdirSync(dir);
    throw new Error(`this test mounts a tmpfs and needs root: ${String((err as { stderr?: Buffer }).stderr ?? err)}`, { cause: err });
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir]);
      rmdirSync(dir);
    },
  };
}
