/**
 * Which policy file counts (policy-source.ts): in an installed Switchboard the machine's, an
 * override only where that policy allows it; from source (the tests' own runs) the override.
 * The file system is a map of path → content, so the machine's real /etc is never read.
 */
import { describe, expect, it } from 'vitest';
import { resolvePolicySource, type PolicyRequest } from '../../../src/main/settings/policy-source';

const MACHINE = '/etc/switchboard/policy.json';
const PILOT = '/home/agent/pilot.json';
const fsOf = (files: Record<string, string>) => ({
  readFile: async (path: string) => {
    if (Object.hasOwn(files, path)) return files[path]!;
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  },
});
const request = (over: Partial<PolicyRequest>): PolicyRequest => ({ platform: 'linux', env: {}, cliPolicy: null, packaged: true, ...over });
const STRICT = JSON.stringify({ version: 1, minimumRedaction: 'full', forwardingEndpoint: null });
const LAX = JSON.stringify({ version: 1 });

describe('an installed Switchboard (packaged)', () => {
  it('--policy cannot replace the machine policy: ignored, and the agent is told', async () => {
    const source = await resolvePolicySource(fsOf({ [MACHINE]: STRICT, [PILOT]: LAX }), request({ cliPolicy: PILOT }));
    expect(source).toMatchObject({ file: MACHINE, override: null, read: { policy: { minimumRedaction: 'full' } } });
    expect(source.problems).toEqual([`Ignored --policy ${PILOT}: the machine policy ${MACHINE} does not allow another policy file ("allowPolicyOverride").`]);
  });

  it('SWITCHBOARD_POLICY=/nonexistent cannot switch the policy off', async () => {
    const source = await resolvePolicySource(fsOf({ [MACHINE]: STRICT }), request({ env: { SWITCHBOARD_POLICY: '/nonexistent' } }));
    expect(source).toMatchObject({ file: MACHINE, read: { policy: { minimumRedaction: 'full' } } });
    expect(source.problems).toEqual([`Ignored SWITCHBOARD_POLICY=/nonexistent: the machine policy ${MACHINE} does not allow another policy file ("allowPolicyOverride").`]);
  });

  it('no machine policy: no override either (the machine decides), and the agent is told', async () => {
    const source = await resolvePolicySource(fsOf({ [PILOT]: STRICT }), request({ cliPolicy: PILOT }));
    expect(source).toMatchObject({ file: MACHINE, read: { policy: null }, override: null });
    expect(source.problems).toEqual([`Ignored --policy ${PILOT}: an installed Switchboard reads only the machine policy ${MACHINE}, and there is none.`]);
  });

  it('a machine policy that cannot be used stays held, whatever override is given', async () => {
    const source = await resolvePolicySource(fsOf({ [MACHINE]: '{"version":2,"allowPolicyOverride":true}', [PILOT]: LAX }), request({ cliPolicy: PILOT }));
    expect(source).toMatchObject({ file: MACHINE, read: { held: 'is invalid' } });
    expect(source.problems).toEqual([`Ignored --policy ${PILOT}: the machine policy ${MACHINE} is invalid, and its settings are held.`]);
  });

  it('"allowPolicyOverride": true lets --policy (then SWITCHBOARD_POLICY) name the file', async () => {
    const machine = JSON.stringify({ version: 1, allowPolicyOverride: true });
    const fs = fsOf({ [MACHINE]: machine, [PILOT]: STRICT, '/srv/env.json': LAX });
    expect(await resolvePolicySource(fs, request({ cliPolicy: PILOT, env: { SWITCHBOARD_POLICY: '/srv/env.json' } }))).toMatchObject({ file: PILOT, override: PILOT, problems: [], read: { policy: { minimumRedaction: 'full' } } });
    expect(await resolvePolicySource(fs, request({ env: { SWITCHBOARD_POLICY: '/srv/env.json' } }))).toMatchObject({ file: '/srv/env.json', override: '/srv/env.json', problems: [], read: { policy: { version: 1 } } });
    // An allowed override that is not there holds, as an unreadable machine policy would.
    expect(await resolvePolicySource(fs, request({ cliPolicy: '/srv/missing.json' }))).toMatchObject({ file: '/srv/missing.json', read: { held: 'does not exist (ENOENT)' } });
  });

  it('without an override: the machine policy, a missing one being no policy', async () => {
    expect(await resolvePolicySource(fsOf({}), request({}))).toEqual({ file: MACHINE, read: { policy: null }, override: null, problems: [] });
    expect(await resolvePolicySource(fsOf({ 'D:\\PD\\Switchboard\\policy.json': STRICT }), request({ platform: 'win32', env: { ProgramData: 'D:\\PD' } }))).toMatchObject({ read: { policy: { minimumRedaction: 'full' } } });
  });
});

describe('running from source (unpackaged: npm start and every test tier)', () => {
  it('--policy and SWITCHBOARD_POLICY name the file, --policy first, without asking the machine', async () => {
    const fs = fsOf({ [MACHINE]: STRICT, [PILOT]: LAX, '/srv/env.json': STRICT });
    expect(await resolvePolicySource(fs, request({ packaged: false, cliPolicy: PILOT, env: { SWITCHBOARD_POLICY: '/srv/env.json' } }))).toMatchObject({ file: PILOT, override: PILOT, problems: [] });
    expect(await resolvePolicySource(fs, request({ packaged: false, env: { SWITCHBOARD_POLICY: '/srv/env.json' } }))).toMatchObject({ file: '/srv/env.json' });
  });

  it('an override naming a missing file holds the settings instead of switching the policy off', async () => {
    const source = await resolvePolicySource(fsOf({}), request({ packaged: false, env: { SWITCHBOARD_POLICY: '/nonexistent' } }));
    expect(source.read).toMatchObject({ held: 'does not exist (ENOENT)', problem: expect.stringContaining('The IT policy file /nonexistent does not exist (ENOENT), so Switchboard holds your settings') });
  });
});
