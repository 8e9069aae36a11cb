/** Auto-away: after idle minutes, and when the screen locks. */
import { CheckField } from '../fields/CheckField';
import { TextField } from '../fields/TextField';
import { numberText, Section, textNumber } from './Section';
import { useSettingsForm } from './settings-form';

export function PresenceSection() {
  const { draft, update, errorsAt, lockOf } = useSettingsForm();
  const a = draft.autoAway;
  const set = (patch: Partial<typeof a>) => update((d) => ({ ...d, autoAway: { ...d.autoAway, ...patch } }));
  return (
    <Section id="away" title="Auto-away">
      <CheckField label="Go away when I am idle" checked={a.enabled} onChange={(v) => set({ enabled: v })} errors={errorsAt(['autoAway', 'enabled'])} lock={lockOf('autoAway.enabled')} />
      <TextField
        label="Idle minutes before going away"
        type="number"
        min={1}
        max={240}
        value={numberText(a.idleMinutes)}
        onInput={(v) => set({ idleMinutes: textNumber(v) })}
        errors={errorsAt(['autoAway', 'idleMinutes'])}
        lock={lockOf('autoAway.idleMinutes')}
      />
      <CheckField
        label="Go away when the screen locks"
        checked={a.onLock}
        onChange={(v) => set({ onLock: v })}
        hint="On Linux a locked screen is noticed within 30 seconds on desktops that report their lock screen (GNOME, KDE Plasma, Cinnamon and others with a screensaver service); where the desktop does not, only the idle minutes count."
        errors={errorsAt(['autoAway', 'onLock'])}
        lock={lockOf('autoAway.onLock')}
      />
    </Section>
  );
}
