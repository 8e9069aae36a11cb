/** Forwarding: the endpoint events are posted to, and a test of it. */
import { useState } from 'preact/hooks';
import type { ConnectionTest } from '../../../../shared/ipc/shell-protocol';
import { TextField } from '../fields/TextField';
import { useShell } from '../../state/shell-store';
import { Section } from './Section';
import { ForwardingStatusView } from './ServiceStatus';
import { useSettingsForm } from './settings-form';

export function ForwardingSection() {
  const { api, snapshot } = useShell();
  const { draft, update, errorsAt, lockOf } = useSettingsForm();
  const [test, setTest] = useState<ConnectionTest | 'testing' | null>(null);
  const endpoint = draft.forwarding.endpoint;

  const run = () => {
    setTest('testing');
    api.testForwarding(endpoint.trim()).then(setTest, (err: unknown) => setTest({ ok: false, message: err instanceof Error ? err.message : String(err) }));
  };

  return (
    <Section id="forwarding" title="Forwarding">
      <TextField
        label="Forwarding endpoint"
        type="url"
        value={endpoint}
        placeholder="https://"
        hint="Events are posted here in batches. Empty: forwarding is off."
        onInput={(v) => update((d) => ({ ...d, forwarding: { ...d.forwarding, endpoint: v } }))}
        errors={errorsAt(['forwarding', 'endpoint'])}
        lock={lockOf('forwarding.endpoint')}
      />
      <div class="test-row">
        <button type="button" class="secondary" disabled={endpoint.trim() === '' || test === 'testing'} onClick={run}>
          Test connection
        </button>
        {test === null || test === 'testing' ? (
          <p class="outcome" role="status">
            {test === 'testing' ? 'Testing…' : ''}
          </p>
        ) : (
          <p class={`outcome ${test.ok ? 'ok' : 'failed'}`} role={test.ok ? 'status' : 'alert'}>
            {test.ok ? 'Connection works' : 'Connection failed'}
            {test.status !== undefined ? ` (HTTP ${test.status})` : ''}: {test.message}
          </p>
        )}
      </div>
      <ForwardingStatusView status={snapshot.services.forwarding} />
    </Section>
  );
}
