/** Start at login; start minimized. */
import { CheckField } from '../fields/CheckField';
import { Section } from './Section';
import { useSettingsForm } from './settings-form';

export function StartupSection() {
  const { draft, update, errorsAt, lockOf } = useSettingsForm();
  const s = draft.startup;
  const set = (patch: Partial<typeof s>) => update((d) => ({ ...d, startup: { ...d.startup, ...patch } }));
  return (
    <Section id="startup" title="Start-up">
      <CheckField label="Start Switchboard when I log in" checked={s.atLogin} onChange={(v) => set({ atLogin: v })} errors={errorsAt(['startup', 'atLogin'])} lock={lockOf('startup.atLogin')} />
      <CheckField
        label="At login, start minimized to the tray"
        checked={s.minimized}
        onChange={(v) => set({ minimized: v })}
        errors={errorsAt(['startup', 'minimized'])}
        lock={lockOf('startup.minimized')}
      />
    </Section>
  );
}
