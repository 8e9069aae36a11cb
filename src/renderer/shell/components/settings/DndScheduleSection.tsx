/**
 * The weekly do-not-disturb schedule: on, which weekdays, from and until. Times are typed as
 * 24-hour "HH:MM" like every time the app shows (feed, DND "until 08:00"): an <input type=time>
 * shows 12-hour AM/PM in an en-US locale, whatever the rest of the app says.
 */
import { CheckField } from '../fields/CheckField';
import { CheckGroup } from '../fields/ChoiceGroup';
import { TextField } from '../fields/TextField';
import { Section } from './Section';
import { useSettingsForm } from './settings-form';

const DAYS = [
  { value: '1', label: 'Mon' },
  { value: '2', label: 'Tue' },
  { value: '3', label: 'Wed' },
  { value: '4', label: 'Thu' },
  { value: '5', label: 'Fri' },
  { value: '6', label: 'Sat' },
  { value: '0', label: 'Sun' },
] as const;

export function DndScheduleSection() {
  const { draft, update, errorsAt, lockOf } = useSettingsForm();
  const s = draft.dndSchedule;
  const set = (patch: Partial<typeof s>) => update((d) => ({ ...d, dndSchedule: { ...d.dndSchedule, ...patch } }));
  const toggleDay = (day: number, on: boolean) => set({ days: on ? [...new Set([...s.days, day])].sort((a, b) => a - b) : s.days.filter((d) => d !== day) });
  return (
    <Section id="dnd" title="Do-not-disturb schedule">
      <CheckField
        label="Turn on do not disturb on a weekly schedule"
        checked={s.enabled}
        onChange={(v) => set({ enabled: v })}
        errors={errorsAt(['dndSchedule', 'enabled'])}
        lock={lockOf('dndSchedule.enabled')}
      />
      <CheckGroup
        legend="Weekdays"
        checked={new Set(s.days.map(String))}
        options={DAYS}
        onToggle={(v, on) => toggleDay(Number(v), on)}
        errors={errorsAt(['dndSchedule', 'days'])}
        lock={lockOf('dndSchedule.days')}
      />
      <div class="field-row">
        <TextField
          label="From"
          short
          inputMode="numeric"
          placeholder="18:00"
          value={s.start}
          hint="24-hour, such as 18:00."
          onInput={(v) => set({ start: v.trim() })}
          errors={errorsAt(['dndSchedule', 'start'])}
          lock={lockOf('dndSchedule.start')}
        />
        <TextField
          label="Until"
          short
          inputMode="numeric"
          placeholder="08:00"
          value={s.end}
          hint="24-hour; an end before the start runs past midnight."
          onInput={(v) => set({ end: v.trim() })}
          errors={errorsAt(['dndSchedule', 'end'])}
          lock={lockOf('dndSchedule.end')}
        />
      </div>
    </Section>
  );
}
