/**
 * The replay command as support staff run it: a real child process over JSONL files.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ShellEventSchema, VENDOR_IDS } from '../../src/shared/contract/shell-event';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/replay');

interface Out {
  line: number;
  accepted: boolean;
  reason?: string;
  events?: Array<{ kind: string }>;
  effects?: Array<{ type: string; reason?: string; state?: string }>;
}

async function replay(args: string[], input?: string, nodeArgs: string[] = []): Promise<{ out: Out[]; stderr: string; code: number }> {
  const child = run(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/cli/replay.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { out: stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Out), stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { out: [], stderr: e.stderr, code: e.code };
  }
}

function tmpFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('replay: one fixture line per documented event of each vendor', () => {
  it.each(VENDOR_IDS)('%s gives the documented kinds, in order', async (vendor) => {
    const expected = readFileSync(join(FIXTURES, `${vendor}.expected.txt`), 'utf8').replace(/\n$/, '').split('\n');
    const { out, code, stderr } = await replay([join(FIXTURES, `${vendor}.jsonl`)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(out.map((o) => o.line)).toEqual(expected.map((_, i) => i + 1));
    for (const o of out) expect(o.reason, `line ${o.line}`).toBeUndefined();
    expect(out.map((o) => (o.events ?? []).map((e) => e.kind).join(','))).toEqual(expected);
    for (const o of out) for (const e of o.events ?? []) expect(ShellEventSchema.safeParse(e).success).toBe(true);
  });
});

const ring = JSON.stringify({
  vendor: 'ringcentral-embeddable',
  origin: 'https://apps.ringcentral.com',
  data: { type: 'rc-call-ring-notify', call: { id: 'c1', fromNumber: '+15550100' } },
});

describe('replay: decisions', () => {
  it('a repeated ring gives suppress duplicate', async () => {
    const { out } = await replay(['-'], `${ring}\n${ring}\n`);
    expect(out[0]!.effects!.map((e) => e.type)).toEqual(['notify', 'presence']);
    expect(out[1]).toEqual({ line: 2, accepted: true, events: [], effects: [{ type: 'suppress', reason: 'duplicate', profile: 'ringcentral-embeddable', kind: 'interaction.offered', ref: 'c1' }] });
  });

  it('--dnd gives suppress dnd', async () => {
    const { out } = await replay(['--dnd', '-'], `${ring}\n`);
    expect(out[0]!.effects).toEqual([
      { type: 'suppress', reason: 'dnd', profile: 'ringcentral-embeddable', kind: 'interaction.offered', ref: 'c1' },
      { type: 'presence', state: 'ringing', profiles: expect.any(Array) },
    ]);
  });

  it('bad lines are reported with their number in plain words and the run goes on', async () => {
    const input = [
      ring.replace('c1', 'a'),
      '{not json',
      '',
      JSON.stringify({ vendor: 'skype', origin: 'https://x', data: {} }),
      JSON.stringify({ vendor: 'ringcentral-embeddable', origin: 'https://apps.ringcentral.com.evil.example', data: { type: 'rc-call-ring-notify' } }),
      JSON.stringify({ vendor: 'ringcentral-embeddable', origin: 'https://apps.ringcentral.com', data: 'rc-call-ring-notify' }),
      JSON.stringify([1, 2]),
      ring.replace('c1', 'b'),
    ].join('\n');
    const { out, code } = await replay(['-'], input);
    expect(code).toBe(0);
    expect(out.map((o) => o.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(out.map((o) => o.accepted)).toEqual([true, false, false, false, false, false, false, true]);
    expect(out[1]!.reason).toMatch(/^not JSON: /);
    expect(out[2]!.reason).toBe('empty line');
    expect(out[3]!.reason).toMatch(/^not a replay line: vendor: /);
    expect(out[4]!.reason).toBe(
      'origin: origin https://apps.ringcentral.com.evil.example is not allowed for this profile (allowed: https://apps.ringcentral.com)',
    );
    expect(out[5]!.reason).toBe('adapter: not a RingCentral Embeddable message: expected an object with a string "type", got the string "rc-call-ring-notify"');
    expect(out[6]!.reason).toMatch(/^not a replay line: /);
  });

  it('--config names the profiles and their origins; a line may pick its profile', async () => {
    const config = tmpFile(
      'config.json',
      JSON.stringify({
        profiles: [
          { id: 'sales', name: 'Sales', vendor: 'huawei-aicc', allowedOrigins: ['https://aicc.acme.example:28443'] },
          { id: 'support', name: 'Support', vendor: 'huawei-aicc', allowedOrigins: ['https://aicc2.acme.example'] },
        ],
      }),
    );
    const line = (origin: string, profile?: string) =>
      JSON.stringify({ vendor: 'huawei-aicc', origin, ...(profile ? { profile } : {}), data: { event: { eventType: 'AgentState_Ready', workNo: '101' } } });
    const { out } = await replay(['--config', config, '-'], [line('https://aicc.acme.example:28443'), line('https://aicc2.acme.example', 'support'), line('https://aicc2.acme.example')].join('\n'));
    expect(out.map((o) => o.accepted)).toEqual([true, true, false]);
    expect(out[2]!.reason).toContain('not allowed');
  });

  it('an invalid config is refused with every problem and its JSON path', async () => {
    const config = tmpFile('bad.json', JSON.stringify({ profiles: [{ id: 'Bad Id', name: '', vendor: 'skype', allowedOrigins: ['http://x.example/path'] }] }));
    const { code, stderr } = await replay(['--config', config, '-'], '');
    expect(code).toBe(2);
    expect(stderr).toContain(`config ${config} is invalid`);
    expect(stderr).toContain('profiles[0].id:');
    expect(stderr).toContain('profiles[0].name:');
    expect(stderr).toContain('profiles[0].vendor:');
    expect(stderr).toContain('profiles[0].allowedOrigins[0]:');
  });

  it('usage errors and missing files say what is wrong', async () => {
    expect((await replay([])).stderr).toContain('name exactly one input FILE');
    expect((await replay(['--bogus', 'x'])).stderr).toContain("Unknown option '--bogus'");
    const missing = await replay(['/nonexistent/log.jsonl']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('replay: cannot read /nonexistent/log.jsonl: ENOENT\n');
  });
});

describe('replay: no line stops the run', () => {
  // Built as text: the value is too deep for JSON.stringify to write (that is the point).
  const nested = (levels: number) => `${'['.repeat(levels)}"+16505550100"${']'.repeat(levels)}`;

  it('a 12 KB Huawei JSON string or Socket.IO frame nesting 6,000 levels is refused and the next line replays', async () => {
    const huawei = `{"eventType":"AgentEvent_Ringing","workNo":"101","content":${nested(6_000)}}`;
    const frame = `42["taskRequest",{"taskId":"t1","x":${nested(6_000)}}]`;
    const input = [
      `{"vendor":"huawei-aicc","origin":"https://aicc.acme.example","data":${JSON.stringify(huawei)}}`,
      `{"vendor":"expertflow","origin":"https://cx.acme.example","direction":"in","data":${JSON.stringify(frame)}}`,
      ring,
    ].join('\n');
    const { out, code, stderr } = await replay(['-'], input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(out.map((o) => [o.line, o.accepted])).toEqual([[1, false], [2, false], [3, true]]);
    expect(out[0]!.reason).toBe('adapter: not a Huawei AICC event: its JSON string is nested deeper than 64 levels');
    expect(out[1]!.reason).toBe('adapter: not an ExpertFlow Socket.IO frame: its payload is nested deeper than 64 levels');
  });

  it('a 600 MB line is reported as too long without being read into memory, and the run goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-huge-'));
    const file = join(dir, 'huge.jsonl');
    try {
      // Streamed to disk in 1 MiB chunks: the test never holds the line either.
      const out = createWriteStream(file);
      const write = (s: string | Buffer) => new Promise<void>((resolve, reject) => (out.write(s) ? resolve() : out.once('drain', resolve), out.once('error', reject)));
      await write(`${ring}\n{"vendor":"ringcentral-embeddable","origin":"https://apps.ringcentral.com","data":{"type":"rc-route-changed-notify","path":"`);
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      for (let i = 0; i < 600; i++) await write(chunk);
      await write(`"}}\n${ring.replace('c1', 'c2')}\n`);
      await new Promise<void>((resolve) => out.end(resolve));
      const size = statSync(file).size;
      expect(size).toBeGreaterThan(600 * 1024 * 1024);
      // A heap far smaller than the line: building it as a string would not fit.
      const { out: lines, code, stderr } = await replay([file], undefined, ['--max-old-space-size=96']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(lines.map((o) => [o.line, o.accepted])).toEqual([[1, true], [2, false], [3, true]]);
      expect(lines[1]!.reason).toBe(`line is ${size - 2 * (ring.length + 1) - 1} bytes long, over the 1 MiB line limit: skipped without reading it (a captured message is at most 64 KiB)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
