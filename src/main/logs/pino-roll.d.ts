/**
 * pino-roll ships no type declarations. This covers what the logs use: its build function and the
 * SonicBoom stream it returns (fields we read are public in SonicBoom; see rolling-sink.ts).
 */
declare module 'pino-roll' {
  import type { EventEmitter } from 'node:events';

  export interface RollStream extends EventEmitter {
    /** Path of the file currently written; null until the first open succeeded. */
    readonly file: string | null;
    /** -1 until opened. */
    readonly fd: number;
    readonly destroyed: boolean;
    /** false asks the producer to slow down (buffer above its high-water mark). */
    write(data: string): boolean;
    /** Writes every buffered byte with writeSync, then fsyncs. Throws when not open. */
    flushSync(): void;
    /** Writes what is buffered, fsyncs and closes; emits 'close'. */
    end(): void;
    /** Closes at once; buffered data is dropped. */
    destroy(): void;
  }

  export interface PinoRollOptions {
    /** Base path; '<file>.<date>.<n>.<extension>' is written. */
    file: string | (() => string);
    /** Number: MB (fractions allowed); string: with a k/m/g unit. */
    size?: number | string;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    dateFormat?: string;
    limit?: { count: number; removeOtherLogFiles?: boolean };
    symlink?: boolean;
    mkdir?: boolean;
    // SonicBoom options passed through.
    sync?: boolean;
    minLength?: number;
    maxLength?: number;
    maxWrite?: number;
    fsync?: boolean;
    append?: boolean;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollStream>;
}
