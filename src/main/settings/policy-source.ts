/**
 * Which IT policy file counts. In an installed Switchboard (app.isPackaged) it is the machine's
 * (machinePolicyPath): the agent can run Switchboard with any arguments and environment, so
 * `--policy FILE` and SWITCHBOARD_POLICY are honoured only when that machine policy says
 * `"allowPolicyOverride": true` (pilots). From source (`npm start`, the unit, browser and app
 * tiers) there is no IT to protect and the overrides are how tests point at their own policy
 * files, so they are honoured as they are.
 *
 * A policy file that was asked for by name must be there: a missing or unreadable override holds
 * the settings like an invalid machine policy does (policy-held.ts), and so does a machine policy
 * that cannot be used, whatever override is given.
 */
import { loadPolicy, machinePolicyPath, POLICY_ENV, type Env, type PolicyFs, type ReadPolicy } from './policy';

export interface PolicyRequest {
  platform: string;
  env: Env;
  /** --policy, already absolute (cli-args.ts). */
  cliPolicy: string | null;
  /** app.isPackaged. */
  packaged: boolean;
}

export interface PolicySource {
  /** The file whose policy runs (or is held); lock reasons name it. */
  file: string;
  read: ReadPolicy;
  /** The override in effect, passed on to the login autostart entry; null: the machine's file. */
  override: string | null;
  /** For the agent: an override that was ignored, and why. */
  problems: string[];
}

export async function resolvePolicySource(fs: PolicyFs, request: PolicyRequest): Promise<PolicySource> {
  const machine = machinePolicyPath(request.platform, request.env);
  const envPolicy = request.env[POLICY_ENV] || null;
  const asked = request.cliPolicy ? { file: request.cliPolicy, via: `--policy ${request.cliPolicy}` } : envPolicy ? { file: envPolicy, via: `${POLICY_ENV}=${envPolicy}` } : null;
  const useOverride = async (file: string) => ({ file, read: await loadPolicy(fs, file, { required: true }), override: file, problems: [] });

  if (asked && !request.packaged) return useOverride(asked.file);
  const read = await loadPolicy(fs, machine, { required: false });
  const own = { file: machine, read, override: null };
  if (!asked || asked.file === machine) return { ...own, problems: [] };
  if ('policy' in read && read.policy?.allowPolicyOverride) return useOverride(asked.file);
  const why =
    'held' in read
      ? `the machine policy ${machine} ${read.held}, and its settings are held`
      : read.policy
        ? `the machine policy ${machine} does not allow another policy file ("allowPolicyOverride")`
        : `an installed Switchboard reads only the machine policy ${machine}, and there is none`;
  return { ...own, problems: [`Ignored ${asked.via}: ${why}.`] };
}
