/** The event log: how much it redacts, how long it is kept, and where. */
import { REDACTION_LEVELS, type Redaction } from '../../../../shared/contract/settings';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { useShell } from '../../state/shell-store';
import { numberText, Section, textNumber } from './Section';
import { EventLogStatusView } from './ServiceStatus';
import { useSettingsForm } from './settings-form';

const REDACTION_LABELS: Readonly<Record<Redaction, string>> = {
  off: 'Off: keep names, numbers and texts',
  numbers: 'Numbers: keep only the last 4 digits',
  full: 'Full: only what happened, when and where',
};

export function LogsSection() {
  const { snapshot } = useShell();
  const { draft, update, errorsAt, lockOf } = useSettingsForm();
  const l = draft.logs;
  const set = (patch: Partial<typeof l>) => update((d) => ({ ...d, logs: { ...d.logs, ...patch } }));
  return (
    <Section id="logs" title="Event log">
      <SelectField<Redaction>
        label="Redaction"
        value={l.redaction}
        options={REDACTION_LEVELS.map((r) => ({ value: r, label: REDACTION_LABELS[r] }))}
        onChange={(v) => set({ redaction: v })}
        errors={errorsAt(['logs', 'redaction'])}
        lock={lockOf('logs.redaction')}
      />
      <TextField
        label="Keep log files for (days)"
        type="number"
        min={1}
        max={3650}
        value={numberText(l.retentionDays)}
        onInput={(v) => set({ retentionDays: textNumber(v) })}
        errors={errorsAt(['logs', 'retentionDays'])}
        lock={lockOf('logs.retentionDays')}
      />
      <TextField
        label="Log folder"
        value={l.dir}
        placeholder="Default folder"
        onInput={(v) => set({ dir: v })}
        hint="An absolute folder path for the event and diagnostics logs. Empty: the default folder. Takes effect after a restart."
        errors={errorsAt(['logs', 'dir'])}
        lock={lockOf('logs.dir')}
      />
      <EventLogStatusView status={snapshot.services.eventLog} />
    </Section>
  );
}
