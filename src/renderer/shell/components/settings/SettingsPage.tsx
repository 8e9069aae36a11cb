/**
 * Settings: profiles and the shell's options, edited as a working copy, validated with the
 * contract's schemas on Save and saved through main (which validates again and keeps locked
 * fields); main's own issues are shown at their fields too.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SettingsView } from '../../../../shared/ipc/shell-protocol';
import { errorCount, fromSaveIssues, otherErrorLines, type FieldErrors } from '../../logic/field-errors';
import { isShownAtField } from '../../logic/shown-fields';
import { checkDraft, draftFromSettings, isDirty, type SettingsDraft } from '../../logic/settings-draft';
import { useShell } from '../../state/shell-store';
import { PageFrame } from '../PageFrame';
import { GeneralSections } from './GeneralSections';
import { ProfilesSection } from './ProfilesSection';
import { SaveBar, type SaveState } from './SaveBar';
import { SettingsFormContext } from './settings-form';
import { ManagedBanner } from './ManagedBanner';
import { UnsavedChangesDialog, type LeaveAnswer } from './UnsavedChangesDialog';

export function SettingsPage() {
  const { api, snapshot, setLeaveGuard } = useShell();
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState('');
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const tried = useRef(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const form = useRef<HTMLFormElement>(null);
  /** Where the agent was going when asked about unsaved changes. */
  const [leaving, setLeaving] = useState<(() => void) | null>(null);

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

  /** Validates and saves the draft; true when main saved it. */
  const saveNow = async (): Promise<boolean> => {
    if (!draft) return false;
    tried.current = true;
    const check = checkDraft(draft);
    if (!check.ok) {
      showErrors(check.errors);
      return false;
    }
    setErrors({});
    setSave({ kind: 'saving' });
    try {
      const result = await api.saveSettings(check.settings);
      if (!result.ok) {
        showErrors(fromSaveIssues(result.issues, draft.profiles.map((p) => p.id)));
        return false;
      }
      setSave({ kind: 'saved' });
      tried.current = false;
      await load();
      return true;
    } catch (err) {
      setSave({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
      return false;
    }
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    void saveNow();
  };

  // Leaving with edits not saved asks first (UnsavedChangesDialog); the store asks this guard.
  const dirty = draft !== null && view !== null && isDirty(draft, view.settings);
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;
  useEffect(() => {
    setLeaveGuard((go) => {
      if (!dirtyNow.current) return false;
      setLeaving(() => go);
      return true;
    });
    return () => setLeaveGuard(null);
  }, [setLeaveGuard]);

  const onLeaveAnswer = async (answer: LeaveAnswer) => {
    const go = leaving;
    setLeaving(null);
    if (!go || answer === 'stay') return;
    if (answer === 'discard') {
      dirtyNow.current = false;
      return go();
    }
    if (await saveNow()) {
      dirtyNow.current = false;
      go();
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
      {view && <ManagedBanner locks={view.locks} />}
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
          <form ref={form} class="settings-form" noValidate onSubmit={onSubmit} aria-label="Settings">
            <ProfilesSection />
            <GeneralSections />
            <SaveBar state={save} onRevert={revert} />
          </form>
        </SettingsFormContext.Provider>
      )}
      {leaving && <UnsavedChangesDialog onAnswer={(a) => void onLeaveAnswer(a)} />}
    </PageFrame>
  );
}
