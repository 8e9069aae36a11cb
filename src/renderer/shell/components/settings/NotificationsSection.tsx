/** Notification options: calls ring through DND; no toast for the profile on screen; how long a ring lasts; the ringtone. */
import { CheckField } from '../fields/CheckField';
import { TextField } from '../fields/TextField';
import { RingtoneFields } from './RingtoneFields';
import { numberText, Section, textNumber } from './Section';
import { useSettingsForm } from './settings-form';

export function NotificationsSection() {
  const { draft, update, errorsAt, lockOf } = useSettingsForm();
  const n = draft.notifications;
  const set = (patch: Partial<typeof n>) => update((d) => ({ ...d, notifications: { ...d.notifications, ...patch } }));
  return (
    <Section id="notifications" title="Notifications">
      <CheckField
        label="Calls ring through do not disturb"
        checked={n.ringThroughDnd}
        hint="Voice and video calls still alert while do not disturb is on; messages stay quiet."
        onChange={(v) => set({ ringThroughDnd: v })}
        errors={errorsAt(['notifications', 'ringThroughDnd'])}
        lock={lockOf('notifications.ringThroughDnd')}
      />
      <CheckField
        label="No notification for the profile on screen"
        checked={n.suppressWhenFocused}
        onChange={(v) => set({ suppressWhenFocused: v })}
        errors={errorsAt(['notifications', 'suppressWhenFocused'])}
        lock={lockOf('notifications.suppressWhenFocused')}
      />
      <TextField
        label="Stop ringing after (seconds)"
        type="number"
        min={10}
        max={600}
        value={numberText(n.ringTimeoutSeconds)}
        hint="When the softphone never says a call was answered or ended, its alert and the tray stop ringing after this long."
        onInput={(v) => set({ ringTimeoutSeconds: textNumber(v) })}
        errors={errorsAt(['notifications', 'ringTimeoutSeconds'])}
        lock={lockOf('notifications.ringTimeoutSeconds')}
      />
      <RingtoneFields />
    </Section>
  );
}
