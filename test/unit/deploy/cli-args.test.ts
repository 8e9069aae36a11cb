/**
 * Switchboard's command line: its flags, dial links as arguments, Chromium's own switches and the
 * app path ignored, and unknown flags answered with a message instead of a crash.
 */
import { describe, expect, it } from 'vitest';
import { HELP, parseCommandLine, type CliOptions } from '../../../src/main/app/cli-args';

const CTX = { defaultApp: false, cwd: '/home/agent', version: '1.2.3' };
const EXE = '/opt/Switchboard/switchboard';
const parse = (...args: string[]) => parseCommandLine([EXE, ...args], CTX);
const options = (...args: string[]): CliOptions => {
  const r = parse(...args);
  if (!('options' in r)) throw new Error(r.message);
  expect(r.warnings).toEqual([]);
  return r.options;
};
const DEFAULTS: CliOptions = { demo: false, minimized: false, links: [] };

describe('parseCommandLine', () => {
  it('no arguments: defaults', () => {
    expect(parse()).toEqual({ options: DEFAULTS, warnings: [] });
  });

  it('--help and --version print and exit 0', () => {
    expect(parse('--help')).toEqual({ message: HELP, exitCode: 0 });
    expect(parse('-h')).toEqual({ message: HELP, exitCode: 0 });
    expect(parse('--demo', '--version')).toEqual({ message: 'Switchboard 1.2.3', exitCode: 0 });
    for (const flag of ['--profile', '--demo', '--log-dir', '--policy', '--minimized', '--version', '--help']) expect(HELP).toContain(flag);
  });

  it('every flag, in both value forms', () => {
    expect(options('--profile', 'sales', '--demo', '--log-dir', '/var/log/sb', '--policy=/etc/p.json', '--minimized')).toEqual({
      profile: 'sales',
      demo: true,
      logDir: '/var/log/sb',
      policy: '/etc/p.json',
      minimized: true,
      links: [],
    });
    expect(options('--profile=desk-2').profile).toBe('desk-2');
  });

  it('relative paths are resolved against the working directory', () => {
    expect(options('--log-dir', 'logs', '--policy', '../it/policy.json')).toMatchObject({ logDir: '/home/agent/logs', policy: '/home/it/policy.json' });
  });

  it('dial links given as arguments (Windows and Linux open links this way)', () => {
    expect(options('tel:+15551234').links).toEqual(['tel:+15551234']);
    expect(options('--minimized', 'callto://+1555', 'sip:1001@pbx').links).toEqual(['callto://+1555', 'sip:1001@pbx']);
    // A malformed number is still a link: parseDialLink says what is wrong with it later.
    expect(options('tel:abc').links).toEqual(['tel:abc']);
    // After "--" nothing is a flag.
    expect(parse('--', '--demo', 'tel:1')).toEqual({ options: { ...DEFAULTS, links: ['tel:1'] }, warnings: ['Ignored the argument "--demo": only tel:, callto: and sip: links can be given.'] });
  });

  it('running from source skips the app path', () => {
    expect(parseCommandLine(['/usr/lib/electron/electron', '.', '--demo'], { ...CTX, defaultApp: true })).toEqual({ options: { ...DEFAULTS, demo: true }, warnings: [] });
    // Installed, argv[1] is already ours.
    expect(parseCommandLine([EXE, 'tel:1'], CTX)).toMatchObject({ options: { links: ['tel:1'] } });
  });

  it('Chromium and Electron switches are not ours and not errors', () => {
    expect(options('--no-sandbox', '--enable-logging', '--enable-logging=file', '--ozone-platform-hint=auto', '--allow-file-access-from-files', '--original-process-start-time=1234', '-psn_0_12345')).toEqual(DEFAULTS);
  });

  it('an unknown flag gets a message naming it, and the app still starts', () => {
    expect(parse('--demo', '--frobnicate', '-x=1')).toEqual({
      options: { ...DEFAULTS, demo: true },
      warnings: ['Unknown option --frobnicate ignored. Run switchboard --help for the options.', 'Unknown option -x ignored. Run switchboard --help for the options.'],
    });
  });

  it('a flag without its value, or with a bad one, is ignored with a message', () => {
    expect(parse('--profile')).toEqual({ options: DEFAULTS, warnings: ['--profile needs a profile id; ignored.'] });
    expect(parse('--profile', '--demo')).toEqual({ options: { ...DEFAULTS, demo: true }, warnings: ['--profile needs a profile id; ignored.'] });
    expect(parse('--profile', 'Bad Id!')).toMatchObject({ warnings: ['--profile "Bad Id!" is not a profile id (a–z, 0–9 and "-"); ignored.'] });
    expect(parse('--log-dir')).toMatchObject({ warnings: ['--log-dir needs a directory; ignored.'] });
    expect(parse('--policy=')).toMatchObject({ warnings: ['--policy needs a file; ignored.'] });
  });

  it('a stray argument that is not a link is named', () => {
    expect(parse('report.pdf')).toEqual({ options: DEFAULTS, warnings: ['Ignored the argument "report.pdf": only tel:, callto: and sip: links can be given.'] });
  });
});
