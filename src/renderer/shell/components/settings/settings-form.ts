/**
 * What every settings section needs: the working copy, a way to change it, the errors to show
 * and IT's locks. Provided by SettingsPage.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locks } from '../../../../shared/ipc/shell-protocol';
import { errorsAt, type FieldErrors, type IssuePath } from '../../logic/field-errors';
import { lockReason } from '../../logic/locks';
import type { SettingsDraft } from '../../logic/settings-draft';

export interface SettingsForm {
  draft: SettingsDraft;
  update(change: (draft: SettingsDraft) => SettingsDraft): void;
  errors: FieldErrors;
  locks: Locks;
}

export const SettingsFormContext = createContext<SettingsForm | null>(null);

export function useSettingsForm(): SettingsForm & {
  /** Errors at a settings path such as ['logs', 'retentionDays']. */
  errorsAt(path: IssuePath): readonly string[];
  /** The lock reason of a settings path such as 'logs.redaction'. */
  lockOf(path: string): string | undefined;
} {
  const form = useContext(SettingsFormContext);
  if (!form) throw new Error('useSettingsForm() outside SettingsFormContext');
  return { ...form, errorsAt: (path) => errorsAt(form.errors, path), lockOf: (path) => lockReason(form.locks, path) };
}
