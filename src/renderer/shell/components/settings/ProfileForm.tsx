/**
 * A profile's fields, with ProfileSchema's messages next to the field they are about. Each field
 * is locked by "profiles", "profiles.<id>" or "profiles.<id>.<field>". The id, view mode, origins
 * and sign-in hosts are IT's: folded under "Advanced (IT)", opened by itself when one is wrong.
 */
import { useEffect, useState } from 'preact/hooks';
import { VENDOR_IDS, type VendorId } from '../../../../shared/contract/shell-event';
import { ADAPTERS } from '../../../../shared/vendors/registry';
import { profileLockPath } from '../../logic/locks';
import { withUrlFix } from '../../logic/plain-errors';
import { renamed, type ModeChoice, type ProfileDraft } from '../../logic/profile-draft';
import { CheckGroup, RadioGroup } from '../fields/ChoiceGroup';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { useSettingsForm } from './settings-form';

/** The fields agents rarely need, folded under "Advanced (IT)". */
const ADVANCED_FIELDS = ['id', 'mode', 'allowedOrigins', 'authHosts'] as const;

const VENDORS = VENDOR_IDS.map((v) => ({ value: v, label: ADAPTERS[v].label }));
const MEDIA = [
  { value: 'audio', label: 'Microphone' },
  { value: 'video', label: 'Camera' },
] as const;
const RULES = [
  { value: 'offered', label: 'Incoming calls and offered tasks' },
  { value: 'missed', label: 'Missed calls' },
  { value: 'messages', label: 'New messages' },
] as const;

/** cardLock: the lock of the whole profile (or list), shown once on the card as note `cardLockId`. */
export function ProfileForm({ index, draft: p, cardLock, cardLockId }: { index: number; draft: ProfileDraft; cardLock: string | undefined; cardLockId: string }) {
  const { update, errorsAt, lockOf } = useSettingsForm();
  const set = (change: (p: ProfileDraft, all: readonly ProfileDraft[]) => ProfileDraft) =>
    update((d) => ({ ...d, profiles: d.profiles.map((q, j) => (j === index ? change(q, d.profiles) : q)) }));
  const at = (field: string) => {
    const errors = errorsAt(['profiles', index, field]);
    if (cardLock !== undefined) return { errors, lock: cardLock, lockNoteId: cardLockId };
    // A new profile is not under any policy yet (a lock on the whole list is the card's).
    return { errors, lock: p.isNew ? undefined : lockOf(profileLockPath(p.id, field)) };
  };
  // IT's fields stay folded unless the agent opens them or one of them needs fixing.
  const [advanced, setAdvanced] = useState(false);
  const advancedWrong = ADVANCED_FIELDS.some((f) => errorsAt(['profiles', index, f]).length > 0);
  // Once opened for an error it stays open while the agent fixes it (no fold closing under the caret).
  useEffect(() => {
    if (advancedWrong) setAdvanced(true);
  }, [advancedWrong]);
  const advancedOpen = advanced || advancedWrong;
  const adapter = ADAPTERS[p.vendor];
  const defaults = adapter.defaultOrigins.length > 0 ? adapter.defaultOrigins.join(', ') : 'none: list at least the vendor’s origin';

  return (
    <div class="profile-form">
      <TextField label="Name" value={p.name} focusKey={`${p.key}:name`} onInput={(v) => set((q, all) => renamed(q, v, all))} {...at('name')} />
      <SelectField<VendorId> label="Vendor" value={p.vendor} options={VENDORS} onChange={(v) => set((q) => ({ ...q, vendor: v }))} {...at('vendor')} />
      <TextField
        label="Vendor URL"
        type="url"
        value={p.url}
        placeholder={p.vendor === 'demo' ? '' : 'https://'}
        hint={p.vendor === 'demo' ? 'The demo softphone is built in: no URL needed.' : 'The https:// address of the vendor’s web client.'}
        onInput={(v) => set((q) => ({ ...q, url: v }))}
        {...at('url')}
        errors={withUrlFix(at('url').errors, p.url)}
      />
      <CheckGroup
        legend="Media permissions"
        checked={new Set(MEDIA.filter((m) => p.media[m.value]).map((m) => m.value))}
        options={MEDIA}
        onToggle={(v, on) => set((q) => ({ ...q, media: { ...q.media, [v]: on } }))}
        {...at('media')}
      />
      <CheckGroup
        legend="Notify me of"
        checked={new Set(RULES.filter((r) => p.notifications[r.value]).map((r) => r.value))}
        options={RULES}
        onToggle={(v, on) => set((q) => ({ ...q, notifications: { ...q.notifications, [v]: on } }))}
        {...at('notifications')}
      />
      <details class="advanced" open={advancedOpen} onToggle={(e) => setAdvanced(e.currentTarget.open)}>
        <summary>Advanced (IT)</summary>
        <p class="hint">Profile ID, how the view loads, and which origins and sign-in hosts are trusted. Usually set up by IT.</p>
        <TextField
          label="Profile ID"
          value={p.id}
          readOnly={!p.isNew}
          hint={p.isNew ? 'Names the profile’s own storage (cookies, sign-ins). It cannot be changed once saved.' : 'Fixed once saved: it names the profile’s storage.'}
          onInput={(v) => set((q) => ({ ...q, id: v, idEdited: true }))}
          {...at('id')}
        />
        <RadioGroup<ModeChoice>
          legend="How the view loads the vendor"
          value={p.mode}
          options={[
            { value: 'default', label: `Vendor default (${adapter.defaultMode})` },
            { value: 'framed', label: 'Framed: inside Switchboard’s host page' },
            { value: 'direct', label: 'Direct: the vendor page itself' },
          ]}
          onChange={(v) => set((q) => ({ ...q, mode: v }))}
          {...at('mode')}
        />
        <TextField
          label="Allowed origins"
          rows={3}
          value={p.allowedOrigins}
          hint={`One origin per line, e.g. https://apps.example.com. Empty: the vendor’s defaults (${defaults}).`}
          onInput={(v) => set((q) => ({ ...q, allowedOrigins: v }))}
          {...at('allowedOrigins')}
        />
        <TextField
          label="Sign-in popup hosts"
          rows={2}
          value={p.authHosts}
          hint="Hosts whose sign-in (SSO/OAuth) popups open inside Switchboard, one per line, e.g. login.example.com or *.okta.com."
          onInput={(v) => set((q) => ({ ...q, authHosts: v }))}
          {...at('authHosts')}
        />
      </details>
    </div>
  );
}
