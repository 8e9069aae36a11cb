/**
 * One profile's presence in the header panel: a select of the states its vendor can be set to
 * (the others listed but disabled, as in the tray), or why presence cannot be set from here.
 */
import { useId, useState } from 'preact/hooks';
import { AGENT_STATES, type AgentState } from '../../../../shared/contract/shell-event';
import type { Outcome, ProfileView } from '../../../../shared/ipc/shell-protocol';
import { TRAY_STATE_LABELS, agentStateLabel } from '../../../../shared/tray/labels';
import { useShell } from '../../state/shell-store';
import { failure, OutcomeMessage } from '../Outcome';

const NO_PRESENCE = "Presence is set in the vendor's own window";

export function ProfilePresence({ profile }: { profile: ProfileView }) {
  const { api } = useShell();
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [asked, setAsked] = useState<AgentState | null>(null);

  if (profile.settableStates.length === 0) {
    return (
      <div class="profile-presence">
        <span class="pp-name">
          {profile.name} — {TRAY_STATE_LABELS[profile.state]}
        </span>
        <p class="hint">{profile.presenceNote ?? `${NO_PRESENCE}.`}</p>
      </div>
    );
  }

  const set = (state: AgentState) => {
    setOutcome(null);
    setAsked(state);
    api.setPresence(profile.id, state).then(setOutcome, (err: unknown) => setOutcome(failure(err)));
  };

  return (
    <div class="profile-presence">
      <label class="pp-name" for={id}>
        {profile.name} — {TRAY_STATE_LABELS[profile.state]}
      </label>
      <select id={id} value={profile.agentState ?? ''} onChange={(e) => set(e.currentTarget.value as AgentState)}>
        {profile.agentState === null && (
          <option value="" disabled>
            Not reported yet
          </option>
        )}
        {AGENT_STATES.map((state) => (
          <option key={state} value={state} disabled={!profile.settableStates.includes(state)}>
            {agentStateLabel(profile.vendor, state)}
          </option>
        ))}
      </select>
      <OutcomeMessage outcome={outcome} failedPrefix={asked ? `Could not set ${agentStateLabel(profile.vendor, asked)}: ` : ''} />
    </div>
  );
}
