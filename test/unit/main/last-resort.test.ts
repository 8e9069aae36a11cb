/**
 * The last-resort handlers (runtime/last-resort.ts) with a stand-in process: an uncaught
 * exception or unhandled rejection is logged with its reason and stack, and nothing is rethrown;
 * a log that fails is not a second crash. A real process also keeps running (child below).
 */
import { execFile } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { installLastResort } from '../../../src/main/runtime/last-resort';

const ROOT = join(import.meta.dirname, '../../..');

describe('last-resort handlers in main', () => {
  it('log uncaught exceptions and unhandled rejections, with the reason and stack', () => {
    const proc = new EventEmitter();
    const logged: string[] = [];
    installLastResort(proc as never, (m) => logged.push(m));
    proc.emit('uncaughtException', new TypeError('x is undefined'), 'uncaughtException');
    proc.emit('unhandledRejection', 'a string reason');
    expect(logged[0]).toMatch(/^uncaught exception in main, kept running: TypeError: x is undefined\nTypeError: x is undefined\n\s+at /);
    expect(logged[1]).toBe('unhandled promise rejection in main, kept running: a thrown string');
  });

  it('a failing log is swallowed, not a second exception', () => {
    const proc = new EventEmitter();
    installLastResort(proc as never, () => {
      throw new Error('disk full');
    });
    expect(() => proc.emit('uncaughtException', new Error('first'), 'uncaughtException')).not.toThrow();
  });

  it('a real Node process with them installed keeps running after both', async () => {
    const script = `
      import { installLastResort } from './src/main/runtime/last-resort.ts';
      installLastResort(process, (m) => process.stdout.write(m.split('\\n')[0] + '\\n'));
      setTimeout(() => { throw new Error('from a timer'); }, 0);
      Promise.reject(new Error('nobody listens'));
      setTimeout(() => process.stdout.write('still running\\n'), 50);`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT });
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual([
      'still running',
      'uncaught exception in main, kept running: Error: from a timer',
      'unhandled promise rejection in main, kept running: Error: nobody listens',
    ]);
  });
});
