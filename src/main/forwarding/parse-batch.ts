/**
 * Reading a sealed batch file back. Structural checks only: strict ShellEvent validation could
 * turn a batch whose redacted text grew past a field limit into data loss, and the server
 * validates what it receives anyway.
 */
import type { ShellEvent } from '../../shared/contract/shell-event';
import type { Batch } from './disk-queue';
import type { BatchFile } from './queue-files';

const isEvent = (e: unknown): e is ShellEvent => typeof e === 'object' && e !== null && typeof (e as { id?: unknown }).id === 'string';

/** The batch, or why the file is not one (it is then moved to bad/). */
export function parseBatch(text: string, file: BatchFile): Batch | string {
  return file.format === 'jsonl' ? parseLines(text, file) : parseObject(text, file);
}

function parseLines(text: string, file: BatchFile): Batch | string {
  if (!text.endsWith('\n')) return 'the last line is incomplete';
  const events: ShellEvent[] = [];
  for (const line of text.slice(0, -1).split('\n')) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return `line ${events.length + 1} is not JSON`;
    }
    if (!isEvent(value)) return `line ${events.length + 1} is not an event`;
    events.push(value);
  }
  if (events.length !== file.count) return 'event count does not match the file name';
  return { id: file.id, seq: file.seq, events };
}

/** The format of earlier versions: {id, seq, events}. */
function parseObject(text: string, file: BatchFile): Batch | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null) return 'not an object';
  const { id, seq, events } = value as Record<string, unknown>;
  if (id !== file.id || seq !== file.seq) return 'id/seq do not match the file name';
  if (!Array.isArray(events) || events.length !== file.count) return 'event count does not match the file name';
  if (!events.every(isEvent)) return 'malformed event';
  return { id, seq, events };
}
