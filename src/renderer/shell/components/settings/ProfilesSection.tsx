/**
 * The profiles list: add, edit (a card opens its form; a card with errors opens itself),
 * remove, move up and down. A "profiles" lock freezes the list; a "profiles.<id>" lock freezes
 * that profile (and moving others past it).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { hasErrorsUnder } from '../../logic/field-errors';
import { newProfileDraft, swap } from '../../logic/profile-draft';
import { profileLockPath } from '../../logic/locks';
import { LockNote } from '../fields/FieldNotes';
import { ProfileCard } from './ProfileCard';
import { useSettingsForm } from './settings-form';

const MAX_PROFILES = 20;
/** The list's lock note, which every card's fields point at when the whole list is locked. */
const LIST_LOCK_ID = 'settings-profiles-lock';

export function ProfilesSection() {
  const { draft, update, errors, errorsAt, lockOf } = useSettingsForm();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // Where focus goes after the next render (a moved card's button, a new card's name field).
  const focusNext = useRef<string[]>([]);
  const listLock = lockOf('profiles');
  const profiles = draft.profiles;
  const lockOfProfile = (i: number) => {
    const p = profiles[i];
    return p && !p.isNew ? lockOf(profileLockPath(p.id)) : listLock;
  };

  useEffect(() => {
    const candidates = focusNext.current;
    if (candidates.length === 0) return;
    focusNext.current = [];
    for (const name of candidates) {
      const el = document.querySelector<HTMLElement>(`[data-focus="${CSS.escape(name)}"]`);
      if (el && !(el as HTMLButtonElement).disabled) return el.focus();
    }
    document.getElementById('settings-profiles-title')?.focus();
  });

  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const add = () => {
    const fresh = newProfileDraft(profiles);
    update((d) => ({ ...d, profiles: [...d.profiles, fresh] }));
    setOpen((prev) => new Set(prev).add(fresh.key));
    focusNext.current = [`${fresh.key}:name`];
  };

  const move = (i: number, by: -1 | 1) => {
    const key = profiles[i]?.key ?? '';
    update((d) => ({ ...d, profiles: swap(d.profiles, i, i + by) }));
    focusNext.current = by < 0 ? [`${key}:up`, `${key}:down`] : [`${key}:down`, `${key}:up`];
  };

  const remove = (i: number) => {
    const next = profiles[i + 1] ?? profiles[i - 1];
    update((d) => ({ ...d, profiles: d.profiles.filter((_, j) => j !== i) }));
    focusNext.current = next ? [`${next.key}:edit`] : ['settings-add-profile'];
  };

  const listErrors = errorsAt(['profiles']);
  return (
    <section class="settings-section" aria-labelledby="settings-profiles-title">
      <h2 id="settings-profiles-title" tabIndex={-1}>
        Profiles
      </h2>
      {listLock !== undefined && <LockNote id={LIST_LOCK_ID} reason={listLock} />}
      {listErrors.length > 0 && <p class="field-error">{listErrors.join(' ')}</p>}
      {profiles.length === 0 && <p class="muted">No profiles: Switchboard starts with the demo softphone.</p>}
      <ol class="profile-cards">
        {profiles.map((p, i) => (
          <ProfileCard
            key={p.key}
            index={i}
            draft={p}
            count={profiles.length}
            expanded={open.has(p.key) || hasErrorsUnder(errors, ['profiles', i])}
            lock={lockOfProfile(i)}
            lockNoteId={listLock !== undefined ? LIST_LOCK_ID : undefined}
            canMoveUp={i > 0 && !listLock && !lockOfProfile(i) && !lockOfProfile(i - 1)}
            canMoveDown={i < profiles.length - 1 && !listLock && !lockOfProfile(i) && !lockOfProfile(i + 1)}
            onToggle={() => toggle(p.key)}
            onMove={(by) => move(i, by)}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      <button type="button" class="secondary" data-focus="settings-add-profile" disabled={listLock !== undefined || profiles.length >= MAX_PROFILES} onClick={add}>
        Add profile
      </button>
    </section>
  );
}
