/** One profile in the settings list: its mark and name, the list actions, and its form when open. */
import { ADAPTERS } from '../../../../shared/vendors/registry';
import type { ProfileDraft } from '../../logic/profile-draft';
import { LockNote } from '../fields/FieldNotes';
import { VendorIcon } from '../VendorIcon';
import { ProfileForm } from './ProfileForm';
import { useSettingsForm } from './settings-form';

interface Props {
  index: number;
  draft: ProfileDraft;
  count: number;
  expanded: boolean;
  lock: string | undefined;
  /** Set when the lock note is shown elsewhere (the whole list is locked). */
  lockNoteId: string | undefined;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onToggle(): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

export function ProfileCard({ index, draft: p, expanded, lock, lockNoteId, canMoveUp, canMoveDown, onToggle, onMove, onRemove }: Props) {
  const { errorsAt } = useSettingsForm();
  const label = ADAPTERS[p.vendor].label;
  const title = p.name.trim() || 'New profile';
  const bodyId = `profile-form-${p.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const own = errorsAt(['profiles', index]);
  const noteId = lockNoteId ?? `${bodyId}-lock`;
  return (
    <li class="profile-card" data-expanded={expanded}>
      <div class="card-head">
        <VendorIcon vendor={p.vendor} label={label} size={24} />
        <h3>
          {title}
          <span class="card-vendor">{label}</span>
        </h3>
        <div class="card-actions">
          <button type="button" class="link-button" data-focus={`${p.key}:edit`} aria-expanded={expanded} aria-controls={expanded ? bodyId : undefined} onClick={onToggle}>
            {expanded ? 'Close' : lock ? 'View' : 'Edit'}
            <span class="visually-hidden"> {title}</span>
          </button>
          <button type="button" class="link-button" data-focus={`${p.key}:up`} disabled={!canMoveUp} onClick={() => onMove(-1)}>
            Move up<span class="visually-hidden"> {title}</span>
          </button>
          <button type="button" class="link-button" data-focus={`${p.key}:down`} disabled={!canMoveDown} onClick={() => onMove(1)}>
            Move down<span class="visually-hidden"> {title}</span>
          </button>
          <button type="button" class="link-button danger" disabled={lock !== undefined} onClick={onRemove}>
            Remove<span class="visually-hidden"> {title}</span>
          </button>
        </div>
      </div>
      {lock !== undefined && lockNoteId === undefined && <LockNote id={noteId} reason={lock} />}
      {own.length > 0 && <p class="field-error">{own.join(' ')}</p>}
      {expanded && (
        <div id={bodyId} class="card-body">
          <ProfileForm index={index} draft={p} cardLock={lock} cardLockId={noteId} />
        </div>
      )}
    </li>
  );
}
