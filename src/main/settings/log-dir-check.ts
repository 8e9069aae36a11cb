/**
 * Whether a log folder from settings (or the IT policy) can be used: an absolute path that is an
 * existing folder Switchboard can write to, or that does not exist yet but can be made (its
 * nearest existing ancestor is a folder we can write to; the log writer makes it with
 * mkdir -p). Checked when the agent saves (settings-controller.ts, shown at the field) and
 * before the logs open (services.ts), so a typo never leaves the app without durable logs.
 * Synchronous: a save is answered at once, and this is a handful of stat calls.
 */
import * as fs from 'node:fs';
import { dirname, isAbsolute } from 'node:path';

export type LogDirFs = Pick<typeof fs, 'statSync' | 'accessSync'>;

/** Why `dir` cannot hold the logs, or null when it can. */
export function logDirProblem(dir: string, io: LogDirFs = fs): string | null {
  if (!isAbsolute(dir)) return `"${dir}" is not an absolute path on this computer`;
  let at = dir;
  for (;;) {
    let stat: fs.Stats;
    try {
      stat = io.statSync(at);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // ENOTDIR: a part of the path is a file; walking up finds it and says so.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return `${at} cannot be checked (${code ?? (err as Error).message})`;
      const parent = dirname(at);
      if (parent === at) return `${dir} cannot be created: no part of it exists`;
      at = parent;
      continue;
    }
    if (!stat.isDirectory()) return at === dir ? `${dir} is a file, not a folder` : `${dir} cannot be created: ${at} is a file, not a folder`;
    try {
      io.accessSync(at, fs.constants.W_OK | fs.constants.X_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'EACCES';
      return at === dir ? `Switchboard cannot write to ${dir} (${code})` : `${dir} cannot be created: Switchboard cannot write to ${at} (${code})`;
    }
    return null;
  }
}
