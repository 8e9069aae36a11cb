/**
 * The IT policy file (src/shared/contract/policy.ts): where it is, reading it without ever
 * throwing, and applying it over the agent's settings field by field (policy > user > defaults),
 * with a lock for every field the agent may not change. An invalid or unreadable policy is not
 * applied, not even in part, and it never unlocks anything either: the settings are held
 * (policy-held.ts) and the problem is said with the file, the field and what is wrong, so IT can
 * fix it. Which file counts (the machine's, or an override) is policy-source.ts.
 */
import { posix, win32 } from 'node:path';
import { issueLines } from '../../shared/contract/issues';
import { PolicySchema, type Policy, type PolicySection } from '../../shared/contract/policy';
import { REDACTION_LEVELS, SettingsSchema, type Redaction, type Settings } from '../../shared/contract/settings';
import type { Locks } from '../../shared/ipc/shell-protocol';
import { DEMO_PROFILE } from './profiles';

/** Names a policy file to use instead of the machine-wide one (tests, pilots); --policy wins. */
export const POLICY_ENV = 'SWITCHBOARD_POLICY';

export type Env = Readonly<Record<string, string | undefined>>;

/** The machine-wide policy file: fixed per platform (overrides are policy-source.ts). */
export function machinePolicyPath(platform: string, env: Env): string {
  if (platform === 'win32') {
    // Environment names are case-insensitive on Windows; a copied env object is not.
    const programData = env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData';
    return win32.join(programData, 'Switchboard', 'policy.json');
  }
  if (platform === 'darwin') return posix.join('/Library/Application Support/Switchboard', 'policy.json');
  return '/etc/switchboard/policy.json';
}

/** Where the first JSON syntax error is (V8's message does not always say), or -1. */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const string = () => {
    for (i++; i < text.length; i++) {
      if (text[i] === '"') return void i++;
      if (text[i] === '\\') i++;
      else if (text[i]! < ' ') fail();
    }
    fail();
  };
  const list = (close: string, item: () => void) => {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      ws();
      if (text[i] === close) return void i++;
      if (text[i] !== ',') fail();
      i++;
    }
  };
  const value = (): void => {
    ws();
    if (text[i] === '{') {
      return list('}', () => {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value();
      });
    }
    if (text[i] === '[') return list(']', value);
    if (text[i] === '"') return string();
    literal.lastIndex = i;
    if (!literal.test(text)) fail();
    i = literal.lastIndex;
  };
  try {
    value();
    ws();
    return i < text.length ? i : -1;
  } catch (at) {
    return at as number;
  }
}

/** JSON.parse's message with the line and column of the error, for people editing by hand. */
export function describeJsonError(text: string, err: unknown): string {
  // V8 may quote the file around the error, line breaks included: one problem stays one line.
  const message = (err as Error).message.replace(/\s*[\r\n]+\s*/g, ' ');
  const offset = jsonErrorOffset(text);
  if (offset < 0 || /\(line \d+/.test(message)) return message;
  const before = text.slice(0, offset);
  return `${message} (line ${before.split('\n').length} column ${offset - before.lastIndexOf('\n')})`;
}

/**
 * A valid policy, no policy (no file), or one that cannot be used: then `held` says why in a few
 * words ("is invalid", "cannot be read (EACCES)") and the settings are held (policy-held.ts).
 */
export type ReadPolicy = { policy: Policy | null } | { held: string; problem: string; problems: string[] };

/** "FILE: json.path: message" for every problem (check-config prints exactly these). */
export function policyProblems(text: string, file: string): { policy: Policy } | { problems: string[] } {
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (err) {
    return { problems: [`${file}: (top level): not valid JSON: ${describeJsonError(body, err)}`] };
  }
  const parsed = PolicySchema.safeParse(json);
  if (!parsed.success) return { problems: issueLines(parsed.error).map((line) => `${file}: ${line}`) };
  return { policy: parsed.data };
}

/** What the agent is told about a policy that cannot be used: the file, why, and what is held. */
export function heldProblem(file: string, held: string, problems: readonly string[]): string {
  const shown = problems.slice(0, 5).join('; ');
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
  return (
    `The IT policy file ${file} ${held}, so Switchboard holds your settings until IT fixes it: ` +
    `log redaction "full", forwarding off, every setting locked. Tell your IT department: ${shown}${more}`
  );
}

function held(file: string, why: string, problems: string[]): ReadPolicy {
  return { held: why, problem: heldProblem(file, why, problems), problems };
}

/** `text` null: there is no policy file, which is normal on unmanaged machines. Never throws. */
export function readPolicy(text: string | null, file: string): ReadPolicy {
  if (text === null) return { policy: null };
  const result = policyProblems(text, file);
  if ('policy' in result) return result;
  return held(file, 'is invalid', result.problems);
}

export interface PolicyFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

/**
 * Reads and validates a policy file. A missing machine policy is no policy (an unmanaged
 * machine); a missing file that was asked for by name (`required`: --policy, SWITCHBOARD_POLICY)
 * is held like any other that cannot be read, or naming a wrong path would switch the policy off.
 */
export async function loadPolicy(fs: PolicyFs, file: string, options: { required: boolean } = { required: false }): Promise<ReadPolicy> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!options.required && (code === 'ENOENT' || code === 'ENOTDIR')) return readPolicy(null, file);
    const why = code === 'ENOENT' || code === 'ENOTDIR' ? `does not exist (${code})` : `cannot be read (${code ?? (err as Error).message})`;
    const hint = code === 'EACCES' || code === 'EPERM' ? '; agents must be able to read it (mode 0644, owned by root)' : '';
    return held(file, why, [`${file}: (top level): ${why}${hint}`]);
  }
  return readPolicy(text, file);
}

export const lockReasonFor = (file: string): string => `Set by your IT department (policy file ${file})`;

export interface AppliedPolicy {
  /** What the app runs with. */
  settings: Settings;
  /** Settings path → why IT locked it, for the settings page and validateSettingsSave. */
  locks: Locks;
  /** Plain sentences about what the policy changed in the agent's own settings (for the log). */
  notes: string[];
  /** The policy profile links dial through (`default: true`), if any. */
  defaultSoftphone: string | null;
  updates: Policy['updates'] | null;
  /** The policy replaced the built-in demo (first run): the demo guide should not show. */
  replacedDemo: boolean;
}

const rank = (r: Redaction) => REDACTION_LEVELS.indexOf(r);

function setField(settings: Settings, section: PolicySection, field: string, value: unknown): void {
  (settings[section] as Record<string, unknown>)[field] = structuredClone(value);
}

export function applyPolicy(user: Settings, policy: Policy | null, file: string): AppliedPolicy {
  const settings = structuredClone(user);
  const none = { settings, locks: {}, notes: [], defaultSoftphone: null, updates: null, replacedDemo: false };
  if (!policy) return none;
  const reason = lockReasonFor(file);
  const locks: Locks = {};
  const notes: string[] = [];
  const defaults = SettingsSchema.parse({});
  const force = (section: PolicySection, field: string, value: unknown) => {
    setField(settings, section, field, value);
    locks[`${section}.${field}`] = reason;
  };

  // Locked without a value: held at the default (the agent's value does not count).
  for (const path of policy.locked) {
    const [section, field] = path.split('.') as [PolicySection, string?];
    if (field === undefined) settings[section] = structuredClone(defaults[section]) as never;
    else setField(settings, section, field, (defaults[section] as Record<string, unknown>)[field]);
    locks[path] = reason;
  }
  for (const [section, fields] of Object.entries(policy.settings) as [PolicySection, Record<string, unknown>][]) {
    for (const [field, value] of Object.entries(fields)) if (value !== undefined) force(section, field, value);
  }
  if (policy.ringThroughDnd !== undefined) force('notifications', 'ringThroughDnd', policy.ringThroughDnd);
  if (policy.logRetentionDays !== undefined) force('logs', 'retentionDays', policy.logRetentionDays);
  if (policy.forwardingEndpoint !== undefined) force('forwarding', 'endpoint', policy.forwardingEndpoint);
  if (policy.minimumRedaction !== undefined) {
    const minimum = policy.minimumRedaction;
    if (rank(settings.logs.redaction) < rank(minimum)) {
      notes.push(`log redaction raised from "${settings.logs.redaction}" to "${minimum}" (the IT minimum)`);
      settings.logs.redaction = minimum;
    }
    if (minimum === 'full') locks['logs.redaction'] = reason;
  }

  const predefinedIds = new Set(policy.profiles.map((p) => p.id));
  const userById = new Map(user.profiles.map((p) => [p.id, p]));
  const predefined = policy.profiles.map(({ locked, default: _default, ...profile }) => {
    const own = userById.get(profile.id);
    if (!locked) return own ?? profile; // a starting point: the agent's edits of that id win
    locks[`profiles.${profile.id}`] = reason;
    if (own && JSON.stringify(own) !== JSON.stringify(profile)) notes.push(`profile "${profile.id}" is defined by IT; the agent's changes to it are not used`);
    return profile;
  });
  // The demo is what runs when the agent has no profiles; IT's profiles take its place.
  const replacedDemo = predefined.length > 0 && user.profiles.length === 1 && JSON.stringify(user.profiles[0]) === JSON.stringify(DEMO_PROFILE);
  let own = replacedDemo ? [] : user.profiles.filter((p) => !predefinedIds.has(p.id));
  if (policy.lockProfiles) {
    locks.profiles = reason;
    if (own.length) notes.push(`the agent's own profiles (${own.map((p) => p.id).join(', ')}) are not run: IT manages the profile list`);
    own = [];
  }
  const room = 20 - predefined.length;
  if (own.length > room) {
    notes.push(`only 20 profiles can run: the agent's ${own.slice(room).map((p) => `"${p.id}"`).join(', ')} are left out`);
    own = own.slice(0, room);
  }
  if (predefined.length) settings.profiles = [...predefined, ...own]; // lockProfiles implies at least one

  return {
    settings,
    locks,
    notes,
    defaultSoftphone: policy.profiles.find((p) => p.default)?.id ?? null,
    updates: policy.updates ?? null,
    replacedDemo,
  };
}
