/**
 * Settings: profiles and the shell's options, edited as a working copy, validated with the
 * contract's schemas on Save and saved through main (which validates again and keeps locked
 * fields); main's own issues are shown at their fields too.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SettingsView } from '../../../../shared/ipc/shell-protocol';
import { errorCount, fromSaveIssues, otherErrorLines, type FieldErrors } from '../../logic/field-errors';
import { isShownAtField } from '../../logic/shown-fields';
import { checkDraft, draftFromSettings, type SettingsDraft } from '../../logic/settings-draft';
import { useShell } from '../../state/shell-store';
import { PageFrame } from '../PageFrame';
import { GeneralSections } from './GeneralSections';
import { ProfilesSection } from './ProfilesSection';
import { SaveBar, type SaveState } from './SaveBar';
import { SettingsFormContext } from './settings-form';

export function SettingsPage() {
  const { api, snapshot } = useShell();
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState('');
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const tried = useRef(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const form = useRef<HTMLFormElement>(null);

  const load = useCallback(
    () =>
      api.getSettings().then(
        (v) => {
          setView(v);
          setDraft(draftFromSettings(v.settings));
        },
        (err: unknown) => setLoadError(err instanceof Error ? err.message : String(err)),
      ),
    [api],
  );
  useEffect(() => void load(), [load]);

  const update = useCallback((change: (d: SettingsDraft) => SettingsDraft) => setDraft((d) => (d ? change(d) : d)), []);

  // Once Save was tried, errors follow the edits: a fixed field clears at once.
  useEffect(() => {
    if (!tried.current || !draft) return;
    const check = checkDraft(draft);
    const found = check.ok ? {} : check.errors;
    setErrors(found);
    setSave(check.ok ? { kind: 'idle' } : { kind: 'invalid', count: errorCount(found), lines: otherErrorLines(found, isShownAtField) });
  }, [draft]);

  const showErrors = (found: FieldErrors) => {
    setErrors(found);
    setSave({ kind: 'invalid', count: errorCount(found), lines: otherErrorLines(found, isShownAtField) });
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]:not(fieldset), fieldset[aria-invalid="true"] input')?.focus());
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (!draft) return;
    tried.current = true;
    const check = checkDraft(draft);
    if (!check.ok) return showErrors(check.errors);
    setErrors({});
    setSave({ kind: 'saving' });
    try {
      const result = await api.saveSettings(check.settings);
      if (!result.ok) return showErrors(fromSaveIssues(result.issues, draft.profiles.map((p) => p.id)));
      setSave({ kind: 'saved' });
      tried.current = false;
      await load();
    } catch (err) {
      setSave({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
    }
  };

  const revert = () => {
    if (view) setDraft(draftFromSettings(view.settings));
    setErrors({});
    tried.current = false;
    setSave({ kind: 'idle' });
  };

  return (
    <PageFrame id="settings-page" title="Settings">
      {snapshot.problems.length > 0 && (
        <div class="problems-box" role="alert">
          <h2>Problems</h2>
          <ul>
            {snapshot.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {loadError && (
        <p class="outcome failed" role="alert">
          Settings could not be loaded: {loadError}
        </p>
      )}
      {!draft || !view ? (
        !loadError && <p class="muted">Loading settings…</p>
      ) : (
        <SettingsFormContext.Provider value={{ draft, update, errors, locks: view.locks }}>
          <form ref={form} class="settings-form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Settings">
            <ProfilesSection />
            <GeneralSections />
            <SaveBar state={save} onRevert={revert} />
          </form>
        </SettingsFormContext.Provider>
      )}
    </PageFrame>
  );
}
