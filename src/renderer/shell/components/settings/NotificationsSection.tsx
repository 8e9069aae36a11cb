/** Notification options: calls ring through DND; no toast for the profile on screen. */
import { CheckField } from '../fields/CheckField';
import { Section } from './Section';
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
    </Section>
  );
}
