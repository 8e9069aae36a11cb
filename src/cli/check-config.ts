/**
 * `npm run -s check-config -- [--kind policy|settings] FILE...`
 *
 * Validates an IT policy file or a settings file exactly as Switchboard will read it, so IT can
 * check a policy before rolling it out. Every problem is printed on its own line as
 * `FILE: <json path>: <message>`; a valid file gets one summary line.
 * A policy file whose mode or owner would keep agents from reading it, or let them write it, gets
 * a `FILE: warning: …` line too (policy-permissions.ts); warnings do not change the exit status.
 * Exit status: 0 every file is valid, 1 a file is invalid, 2 usage error or a file cannot be read.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { issueLines } from '../shared/contract/issues';
import { SettingsSchema } from '../shared/contract/settings';
import { migrateSettings, settingsVersion, SETTINGS_SCHEMA_VERSION } from '../main/settings/migrations';
import { applyPolicy, describeJsonError, policyProblems } from '../main/settings/policy';
import { policyPermissionWarnings } from './policy-permissions';

const USAGE = `usage: npm run -s check-config -- [--kind policy|settings] FILE...

  FILE     a Switchboard IT policy file (it has a "version" field) or a settings file
           (<userData>/settings.json); --kind says which when the file does not.
Prints every problem as "FILE: <json path>: <message>", or one "FILE: valid …" line, and
"FILE: warning: …" when agents could not read a policy file or could write it.
Exit status: 0 valid, 1 invalid, 2 usage error or unreadable file.`;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function usage(message: string): never {
  process.stderr.write(`check-config: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function checkPolicy(text: string, file: string): { ok: boolean; lines: string[] } {
  const result = policyProblems(text, file);
  if ('problems' in result) return { ok: false, lines: result.problems };
  const policy = result.policy;
  const locks = applyPolicy(SettingsSchema.parse({}), policy, file).locks;
  const lockedFields = Object.keys(locks).filter((path) => path !== 'profiles' && !path.startsWith('profiles.')).length;
  return { ok: true, lines: [`${file}: valid policy (${count(policy.profiles.length, 'profile')}, ${count(lockedFields, 'locked field')})`] };
}

function checkSettings(json: unknown, file: string): { ok: boolean; lines: string[] } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, lines: [`${file}: (top level): must be a JSON object`] };
  // Read as the app reads it: older formats are migrated first (migrations.ts).
  const from = settingsVersion(json as Record<string, unknown>);
  const { settings, newer } = migrateSettings(json as Record<string, unknown>, from);
  delete settings.schemaVersion;
  const parsed = SettingsSchema.safeParse(settings);
  const lines = parsed.success ? [] : issueLines(parsed.error).map((line) => `${file}: ${line}`);
  if (parsed.success) {
    const seen = new Set<string>();
    parsed.data.profiles.forEach((p, i) => {
      if (seen.has(p.id)) lines.push(`${file}: profiles[${i}].id: duplicate profile id "${p.id}"`);
      seen.add(p.id);
    });
  }
  if (lines.length) return { ok: false, lines };
  const format = newer ? `format ${from}, newer than this Switchboard` : from === SETTINGS_SCHEMA_VERSION ? `format ${from}` : `format ${from}, read as format ${SETTINGS_SCHEMA_VERSION}`;
  return { ok: true, lines: [`${file}: valid settings (${count(parsed.data!.profiles.length, 'profile')}, ${format})`] };
}

function main(): number {
  let args;
  try {
    args = parseArgs({ options: { kind: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (err) {
    usage((err as Error).message);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const kind = args.values.kind;
  if (kind !== undefined && kind !== 'policy' && kind !== 'settings') usage(`--kind must be "policy" or "settings", not "${kind}"`);
  if (args.positionals.length === 0) usage('name the FILE to check');

  let status = 0;
  for (const file of args.positionals) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      process.stderr.write(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})\n`);
      status = 2;
      continue;
    }
    const body = text.replace(/^\uFEFF/, '');
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch (err) {
      process.stdout.write(`${file}: (top level): not valid JSON: ${describeJsonError(body, err)}\n`);
      status = Math.max(status, 1);
      continue;
    }
    const isPolicy = kind ? kind === 'policy' : typeof json === 'object' && json !== null && Object.hasOwn(json, 'version');
    const result = isPolicy ? checkPolicy(body, file) : checkSettings(json, file);
    if (isPolicy) result.lines.push(...policyPermissionWarnings(file, statSync(file), process.platform));
    process.stdout.write(`${result.lines.join('\n')}\n`);
    if (!result.ok) status = Math.max(status, 1);
  }
  return status;
}

process.exitCode = main();
