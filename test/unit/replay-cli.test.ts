/**
 * The replay command as support staff run it: a real child process over JSONL files.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

async function replay(args: string[], input?: string): Promise<{ out: Out[]; stderr: string; code: number }> {
  const child = run(process.execPath, ['--import', 'tsx', 'src/cli/replay.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
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
