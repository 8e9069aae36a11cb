/**
 * Who can read and write an IT policy file, from its mode and owner (POSIX; Windows has ACLs and
 * no meaningful mode, so nothing is said there). Switchboard runs as the agent, not as root:
 *   - agents must be able to read the file, or every desk starts with its settings held
 *     (src/main/settings/policy-held.ts). Group read alone helps only agents in the file's group,
 *     so "other" read is what is asked for;
 *   - agents must not be able to write it, or they could rewrite their own policy: no group or
 *     other write bit, and owned by root (an owner can always chmod their own file).
 */
export interface FileMode {
  /** stat.mode (type bits included). */
  mode: number;
  uid: number;
  gid: number;
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

export function policyPermissionWarnings(file: string, stat: FileMode, platform: string): string[] {
  if (platform === 'win32') return [];
  const mode = octal(stat.mode);
  const warnings: string[] = [];
  if ((stat.mode & 0o004) === 0) {
    const who = (stat.mode & 0o040) !== 0 ? `only root and members of group ${stat.gid}` : 'only its owner';
    warnings.push(`${file}: warning: mode ${mode}: ${who} can read it, so agents' Switchboard cannot and holds every setting; make it readable by all (chmod 644)`);
  }
  const writers = [(stat.mode & 0o020) !== 0 && `group ${stat.gid}`, (stat.mode & 0o002) !== 0 && 'everyone'].filter(Boolean);
  if (writers.length) warnings.push(`${file}: warning: mode ${mode}: ${writers.join(' and ')} can write it, so agents could change their own policy; chmod 644`);
  if (stat.uid !== 0) warnings.push(`${file}: warning: owned by user ${stat.uid}, not root: that user can change the policy (chown root and chmod 644)`);
  return warnings;
}
