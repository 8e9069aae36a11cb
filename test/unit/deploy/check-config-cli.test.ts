/**
 * `npm run -s check-config -- FILE` as IT runs it: a real child process, its output lines and exit
 * codes, and the sample policy in docs/ and in the README (the same file, and valid).
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const SAMPLE = join(ROOT, 'docs/sample-policy.json');
// Resolved here: the tests run the CLI from temporary folders, where `--import tsx` would not resolve.
const TSX = import.meta.resolve('tsx');

async function checkConfig(args: string[], cwd = ROOT): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/check-config.ts'), ...args], { cwd });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

function tmpDirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'check-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The first ```json block of the README's "IT deployment" section. */
function readmeSample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## IT deployment'));
  const block = /```json\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('no json block in the README\'s IT deployment section');
  return block[1]!;
}

describe('check-config: the sample policy', () => {
  it('docs/sample-policy.json is valid', async () => {
    expect(await checkConfig([SAMPLE])).toEqual({ stdout: `${SAMPLE}: valid policy (2 profiles, 8 locked fields)\n`, stderr: '', code: 0 });
  });

  it('the README embeds exactly that file, and it is valid too', async () => {
    expect(readmeSample()).toBe(readFileSync(SAMPLE, 'utf8'));
    const dir = tmpDirWith({ 'policy.json': readmeSample() });
    expect(await checkConfig(['policy.json'], dir)).toMatchObject({ stdout: 'policy.json: valid policy (2 profiles, 8 locked fields)\n', code: 0 });
  });

  it('the README\'s broken example prints what the README says', async () => {
    const dir = tmpDirWith({
      'broken.json': JSON.stringify({ version: 1, profiles: [{ id: 'a', name: 'A', vendor: 'demo', url: 'http://x.example' }], settings: { logs: { retentionDays: 0 } } }),
    });
    const { stdout, code } = await checkConfig(['broken.json'], dir);
    expect(code).toBe(1);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const line of stdout.trim().split('\n')) expect(readme).toContain(`# ${line}`);
  });
});

describe('check-config: problems and exit codes', () => {
  it('prints every problem of a policy on its own line with its JSON path; exit 1', async () => {
    const dir = tmpDirWith({
      'p.json': JSON.stringify({
        version: 1,
        profiles: [{ id: 'a', name: 'A', vendor: 'demo', default: true }, { id: 'a', name: '', vendor: 'demo' }],
        locked: ['logs.colour'],
        ringThroughDnd: 'yes',
      }),
    });
    const { stdout, code } = await checkConfig(['p.json'], dir);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toEqual([
      'p.json: profiles[1].name: must not be empty',
      expect.stringMatching(/^p\.json: locked\[0\]: "logs\.colour" is not a setting that can be locked; lockable: /),
      'p.json: ringThroughDnd: Invalid input: expected boolean, received string',
      'p.json: profiles[1].id: duplicate profile id "a"',
    ]);
  });

  it('not JSON: where the syntax breaks; exit 1', async () => {
    const dir = tmpDirWith({ 'p.json': '{\n  "version": 1,\n  "locked": ["logs",]\n}\n' });
    const { stdout, code } = await checkConfig(['p.json'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^p\.json: \(top level\): not valid JSON: .*\(line 3 column 21\)\n$/);
  });

  it('settings files: detected without "version", migrated as the app would, validated', async () => {
    const dir = tmpDirWith({
      'old.json': JSON.stringify({ dnd: { ringThrough: true }, profiles: [{ id: 'd', name: 'Demo', vendor: 'demo', notify: false }] }),
      'bad.json': JSON.stringify({ schemaVersion: 2, logs: { redaction: 'most' }, profiles: [{ id: 'd', name: 'D', vendor: 'demo' }, { id: 'd', name: 'E', vendor: 'demo' }] }),
    });
    expect(await checkConfig(['old.json'], dir)).toMatchObject({ stdout: 'old.json: valid settings (1 profile, format 1, read as format 2)\n', code: 0 });
    const bad = await checkConfig(['bad.json'], dir);
    expect(bad).toMatchObject({ stdout: 'bad.json: logs.redaction: Invalid option: expected one of "off"|"numbers"|"full"\n', code: 1 });
  });

  it('--kind overrides the detection', async () => {
    const dir = tmpDirWith({ 's.json': '{"ringThroughDnd": true}' });
    expect(await checkConfig(['--kind', 'policy', 's.json'], dir)).toMatchObject({ stdout: 's.json: version: must be 1 (the policy format this Switchboard reads)\n', code: 1 });
    expect(await checkConfig(['--kind', 'settings', 's.json'], dir)).toMatchObject({ stdout: 's.json: (top level): Unrecognized key: "ringThroughDnd"\n', code: 1 });
  });

  it('several files: each is reported, and the worst status wins', async () => {
    const dir = tmpDirWith({ 'ok.json': '{"version":1}', 'bad.json': '{"version":1,"x":1}' });
    const { stdout, code } = await checkConfig(['ok.json', 'bad.json'], dir);
    expect(stdout).toBe('ok.json: valid policy (0 profiles, 0 locked fields)\nbad.json: (top level): Unrecognized key: "x"\n');
    expect(code).toBe(1);
  });

  it('usage errors and unreadable files: exit 2', async () => {
    expect(await checkConfig([])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^check-config: name the FILE to check\nusage: /) });
    expect(await checkConfig(['--kind', 'both', SAMPLE])).toMatchObject({ code: 2, stderr: expect.stringContaining('--kind must be "policy" or "settings", not "both"') });
    expect(await checkConfig(['--frob', SAMPLE])).toMatchObject({ code: 2 });
    expect(await checkConfig(['/nonexistent/policy.json'])).toMatchObject({ code: 2, stderr: '/nonexistent/policy.json: cannot be read (ENOENT)\n' });
    expect(await checkConfig(['--help'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^usage: npm run -s check-config/) });
  });
});

describe('check-config: who can read and write the policy file', () => {
  it('0644, owned by root: no warning', async () => {
    const dir = tmpDirWith({ 'policy.json': '{"version":1}' });
    chmodSync(join(dir, 'policy.json'), 0o644);
    expect(await checkConfig(['policy.json'], dir)).toEqual({ code: 0, stdout: 'policy.json: valid policy (0 profiles, 0 locked fields)\n', stderr: '' });
  });

  it('a root-only 0600 file: agents could not read it, so their settings would be held', async () => {
    const dir = tmpDirWith({ 'policy.json': '{"version":1}' });
    chmodSync(join(dir, 'policy.json'), 0o600);
    expect(await checkConfig(['policy.json'], dir)).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'policy.json: valid policy (0 profiles, 0 locked fields)\n' +
        "policy.json: warning: mode 0600: only its owner can read it, so agents' Switchboard cannot and holds every setting; make it readable by all (chmod 644)\n",
    });
    chmodSync(join(dir, 'policy.json'), 0o640);
    expect((await checkConfig(['policy.json'], dir)).stdout).toContain('policy.json: warning: mode 0640: only root and members of group 0 can read it');
  });

  it('group or other writable, or owned by another user than root: agents could rewrite it', async () => {
    const dir = tmpDirWith({ 'policy.json': '{"version":1}' });
    const file = join(dir, 'policy.json');
    chmodSync(file, 0o666);
    expect((await checkConfig(['policy.json'], dir)).stdout).toBe(
      'policy.json: valid policy (0 profiles, 0 locked fields)\n' + 'policy.json: warning: mode 0666: group 0 and everyone can write it, so agents could change their own policy; chmod 644\n',
    );
    chmodSync(file, 0o644);
    chownSync(file, 65534, 65534);
    expect((await checkConfig(['policy.json'], dir)).stdout).toContain('policy.json: warning: owned by user 65534, not root: that user can change the policy (chown root and chmod 644)\n');
  });

  it('an invalid policy gets the warnings too', async () => {
    const dir = tmpDirWith({ 'policy.json': '{"version":2}' });
    chmodSync(join(dir, 'policy.json'), 0o600);
    const { stdout, code } = await checkConfig(['policy.json'], dir);
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual(['policy.json: version: must be 1 (the policy format this Switchboard reads)', expect.stringMatching(/^policy\.json: warning: mode 0600: /), '']);
  });
});
