/**
 * The ringtone's part of Settings → Notifications: ring device, a second device (the speakers
 * while on a headset), volume, "ring until answered" and a Test button that plays the ring on the
 * chosen outputs for a few seconds, as it will ring.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckField } from '../fields/CheckField';
import { SelectField } from '../fields/SelectField';
import { TextField } from '../fields/TextField';
import { ringPlan } from '../../logic/ringtone-plan';
import { RingtonePlayer } from '../../state/ringtone-player';
import { useAudioOutputs } from '../../state/use-ringtone';
import { numberText, textNumber } from './Section';
import { useSettingsForm } from './settings-form';

const TEST_MS = 4_000;
const NONE = '';

export function RingtoneFields() {
  const { draft, update, errorsAt, lockOf } = useSettingsForm();
  const r = draft.ringtone;
  const set = (patch: Partial<typeof r>) => update((d) => ({ ...d, ringtone: { ...d.ringtone, ...patch } }));
  const outputs = useAudioOutputs();
  const known = (outputs ?? []).map((o) => ({ value: o.id, label: o.label }));
  // A chosen device that is not plugged in now stays listed, so the choice is not silently lost.
  const withChoice = (id: string | null) => (id && id !== 'default' && !known.some((o) => o.value === id) ? [...known, { value: id, label: 'A device not connected now' }] : known);
  const deviceOptions = [{ value: 'default', label: 'System default' }, ...withChoice(r.device)];
  const secondOptions = [{ value: NONE, label: 'None' }, { value: 'default', label: 'System default' }, ...withChoice(r.secondDevice)];

  const player = useRef(new RingtonePlayer());
  const [testing, setTesting] = useState(false);
  useEffect(() => () => player.current.stop(), []);
  const test = async () => {
    const plan = ringPlan({ ...r, volume: Number.isFinite(r.volume) ? r.volume : 0 }, outputs ? outputs.map((o) => o.id) : null);
    setTesting(true);
    await player.current.start(plan);
    setTimeout(() => {
      player.current.stop();
      setTesting(false);
    }, TEST_MS);
  };

  return (
    <fieldset class="group ringtone">
      <legend>Ringtone</legend>
      <SelectField
        label="Ring on"
        value={r.device}
        options={deviceOptions}
        hint="Usually your headset."
        onChange={(v) => set({ device: v })}
        errors={errorsAt(['ringtone', 'device'])}
        lock={lockOf('ringtone.device')}
      />
      <SelectField
        label="Also ring on"
        value={r.secondDevice ?? NONE}
        options={secondOptions}
        hint="For example the speakers, so you hear a call while the headset is off."
        onChange={(v) => set({ secondDevice: v === NONE ? null : v })}
        errors={errorsAt(['ringtone', 'secondDevice'])}
        lock={lockOf('ringtone.secondDevice')}
      />
      <TextField
        label="Ringtone volume (0–100)"
        type="number"
        min={0}
        max={100}
        value={numberText(r.volume)}
        hint="0 rings silently: the notification, taskbar and badge still alert."
        onInput={(v) => set({ volume: textNumber(v) })}
        errors={errorsAt(['ringtone', 'volume'])}
        lock={lockOf('ringtone.volume')}
      />
      <CheckField
        label="Ring until answered"
        checked={r.untilAnswered}
        hint="Keep ringing after the alert stops, until the call is answered, declined or ends (at most 10 minutes)."
        onChange={(v) => set({ untilAnswered: v })}
        errors={errorsAt(['ringtone', 'untilAnswered'])}
        lock={lockOf('ringtone.untilAnswered')}
      />
      <button type="button" class="secondary" onClick={() => void test()} disabled={testing} aria-describedby="ringtone-test-note">
        {testing ? 'Ringing…' : 'Test ringtone'}
      </button>
      <p id="ringtone-test-note" class="hint">
        Plays the ring for a few seconds on the devices chosen above, at this volume.
      </p>
    </fieldset>
  );
}
