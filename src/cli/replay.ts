/**
 * `npm run -s replay -- [--config FILE] [--dnd] FILE|-`
 *
 * Runs the exact core pipeline over a JSONL file of captured vendor messages and prints one JSON
 * line per input line, in order. Support staff use it on an agent's captured log, so every
 * problem is said in plain words with its line number, and a bad line never stops the run.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { escapeLineBreakers } from '../shared/core/json-line';
import { createPipeline } from '../shared/core/pipeline';
import { defaultReplayProfiles, parseReplayConfig, readReplayLine, type ReplayConfig } from '../shared/core/replay-format';
import { MAX_LINE_BYTES, overlongReason, readCappedLines } from './replay-lines';

const USAGE = `usage: npm run -s replay -- [--config FILE] [--dnd] FILE|-

  FILE       JSONL, one captured message per line:
             {"vendor","origin","data","at"?,"profile"?,"transport"?,"direction"?}
             "-" reads standard input.
  --config   JSON file {"profiles":[...], "dnd"?, "ringThroughDnd"?}; default: one profile per vendor
  --dnd      replay with do-not-disturb on
Prints {"line":N,"accepted":true,"events":[...],"effects":[...]} or {"line":N,"accepted":false,"reason":"..."} per line.
A line longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB is reported as too long and skipped; the run goes on.`;

function fail(message: string, code: number): never {
  process.stderr.write(`replay: ${message}\n`);
  process.exit(code);
}

function loadConfig(file: string): ReplayConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read config ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 2);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    fail(`config ${file} is not JSON: ${(err as Error).message}`, 2);
  }
  const parsed = parseReplayConfig(json);
  if ('problems' in parsed) fail(`config ${file} is invalid:\n  ${parsed.problems.join('\n  ')}`, 2);
  return parsed.config;
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: { config: { type: 'string' }, dnd: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`, 2);
  }
}

async function main(): Promise<void> {
  const args = parseCommandLine();
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.positionals.length !== 1) fail(`name exactly one input FILE (or - for standard input)\n${USAGE}`, 2);
  const input = args.positionals[0]!;

  const config = args.values.config ? loadConfig(args.values.config) : undefined;
  const profiles = config?.profiles ?? defaultReplayProfiles();
  const pipeline = createPipeline({
    profiles,
    context: { dnd: Boolean(args.values.dnd || config?.dnd), ringThroughDnd: Boolean(config?.ringThroughDnd) },
  });

  const stream = input === '-' ? process.stdin : createReadStream(input);
  stream.on('error', (err: NodeJS.ErrnoException) => fail(`cannot read ${input}: ${err.code ?? err.message}`, 1));
  let lineNo = 0;
  let lastAt = 0;
  const judge = (text: string): object => {
    const read = readReplayLine(text, profiles, lastAt);
    if ('reason' in read) return { line: lineNo, accepted: false, reason: read.reason };
    lastAt = read.capture.at;
    const result = pipeline.process(read.capture);
    return result.accepted
      ? { line: lineNo, accepted: true, events: result.events, effects: result.effects }
      : { line: lineNo, accepted: false, reason: `${result.stage}: ${result.reason}` };
  };
  for await (const line of readCappedLines(stream)) {
    lineNo++;
    let out: string;
    // One line never stops the run: whatever it does to us is reported on its own output line.
    try {
      out = JSON.stringify('text' in line ? judge(line.text) : { line: lineNo, accepted: false, reason: overlongReason(line.overlongBytes) });
    } catch (err) {
      out = JSON.stringify({ line: lineNo, accepted: false, reason: `could not be replayed: ${String((err as Error).message ?? err).slice(0, 200)}` });
    }
    // escapeLineBreakers: a line break inside a value (U+2028, NEL) must not split one result in two.
    if (!process.stdout.write(`${escapeLineBreakers(out)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
  }
}

main().catch((err: unknown) => fail(`unexpected error: ${(err as Error).stack ?? String(err)}`, 1));
