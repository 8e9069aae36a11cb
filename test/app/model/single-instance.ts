/**
 * app.requestSingleInstanceLock, across real processes, as Chromium's ProcessSingleton does on
 * Linux: the lock lives in the user-data folder; a second process finds it held by a live
 * process, hands over its command line and working directory, and gets `false` (synchronously:
 * the hand-over is written before the call returns). The first process emits 'second-instance'
 * with (event, argv, workingDirectory, additionalData) when the hand-over arrives, whether or not
 * the app is listening yet (shell/browser/api/electron_api_app.cc, App::OnSecondInstance).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { realClock } from './time-scale';

export interface SecondInstance {
  argv: string[];
  workingDirectory: string;
  additionalData: unknown;
}

const LOCK = 'SingletonLock';
const INBOX = 'SingletonInbox';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class SingleInstance {
  private held = false;
  private poll: NodeJS.Timeout | null = null;

  constructor(private readonly folder: () => string) {}

  request(additionalData: unknown, onSecond: (s: SecondInstance) => void): boolean {
    if (this.held) return true;
    const dir = this.folder();
    mkdirSync(join(dir, INBOX), { recursive: true });
    const lock = join(dir, LOCK);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(lock, String(process.pid), { flag: 'wx' });
        this.held = true;
        this.listen(onSecond);
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = Number(readFileSync(lock, 'utf8'));
        if (Number.isInteger(owner) && owner !== process.pid && alive(owner)) {
          const message: SecondInstance = { argv: [...process.argv], workingDirectory: process.cwd(), additionalData: additionalData ?? null };
          const file = join(dir, INBOX, `${Date.now()}-${process.pid}.json`);
          writeFileSync(`${file}.partial`, JSON.stringify(message));
          renameSync(`${file}.partial`, file);
          return false;
        }
        rmSync(lock, { force: true }); // left behind by a process that died: take it over
      }
    }
    return false;
  }

  has(): boolean {
    return this.held;
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    if (this.poll) clearInterval(this.poll);
    rmSync(join(this.folder(), LOCK), { force: true });
  }

  private listen(onSecond: (s: SecondInstance) => void): void {
    const inbox = join(this.folder(), INBOX);
    const drain = () => {
      if (!existsSync(inbox)) return;
      for (const name of readdirSync(inbox).filter((n) => n.endsWith('.json')).sort()) {
        const file = join(inbox, name);
        let message: SecondInstance;
        try {
          message = JSON.parse(readFileSync(file, 'utf8')) as SecondInstance;
        } catch {
          continue; // still being written
        }
        rmSync(file, { force: true });
        onSecond(message);
      }
    };
    try {
      watch(inbox, { persistent: false }, drain);
    } catch {
      // Some file systems cannot be watched; the poll below still delivers.
    }
    this.poll = realClock.setInterval(drain, 200);
    this.poll.unref();
  }
}
