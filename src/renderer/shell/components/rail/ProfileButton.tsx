/**
 * One profile in the rail: vendor mark, name, live state and view health. Selecting it shows its
 * vendor view. A ringing profile is unmistakable: the word "Ringing", a bell, a strong colour
 * and a pulse (a steady outline instead when the agent prefers reduced motion), and who calls.
 */
import type { ProfileView, ViewHealth } from '../../../../shared/ipc/shell-protocol';
import { TRAY_STATE_LABELS } from '../../../../shared/tray/labels';
import { railCallerText } from '../../logic/caller';
import { selectShortcutLabel, shortcutText } from '../../logic/shortcuts';
import { useShell } from '../../state/shell-store';
import { StateBadge } from '../StateBadge';
import { VendorIcon } from '../VendorIcon';

const HEALTH_TEXT: Readonly<Record<ViewHealth, string>> = {
  loading: 'Loading…',
  ok: '',
  recovering: 'Reloading after a crash…',
  unresponsive: 'Not responding',
  failed: 'Stopped: crashed repeatedly',
};

export function ProfileButton({ profile: p, index, selected }: { profile: ProfileView; index: number; selected: boolean }) {
  const { selectProfile } = useShell();
  const health = p.health === 'ok' ? '' : (p.healthDetail ?? HEALTH_TEXT[p.health]);
  const shortcut = selectShortcutLabel(index);
  const showVendor = p.vendorLabel !== p.name;
  const caller = railCallerText(p.caller);
  const count = p.unseen ?? 0;
  const unseen = count > 0 ? `${count} new (missed or unread)` : '';
  const name = [p.name, showVendor ? p.vendorLabel : '', TRAY_STATE_LABELS[p.state], caller, unseen, health].filter(Boolean).join(', ');
  return (
    <button
      type="button"
      class="profile"
      data-profile={p.id}
      data-state={p.state}
      data-health={p.health}
      aria-current={selected ? 'page' : undefined}
      aria-label={name}
      aria-keyshortcuts={shortcut}
      title={name}
      onClick={() => selectProfile(p.id)}
    >
      <VendorIcon vendor={p.vendor} label={p.vendorLabel} />
      <span class="profile-text">
        <span class="profile-name">{p.name}</span>
        {showVendor && <span class="profile-vendor">{p.vendorLabel}</span>}
        {caller && <CallerLine text={caller} number={p.caller?.number} />}
        {health && <span class="health">{health}</span>}
      </span>
      <span class="profile-side">
        <StateBadge state={p.state} />
        {count > 0 && (
          <span class="count-badge" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
        {shortcut && (
          <kbd class="shortcut" aria-hidden="true">
            {shortcutText({ key: String(index + 1) })}
          </kbd>
        )}
      </span>
    </button>
  );
}

/** The caller's line; a phone number never breaks across lines. */
function CallerLine({ text, number }: { text: string; number: string | undefined }) {
  const at = number ? text.lastIndexOf(number) : -1;
  if (!number || at < 0) return <span class="profile-caller">{text}</span>;
  return (
    <span class="profile-caller">
      {text.slice(0, at)}
      <span class="nowrap">{number}</span>
    </span>
  );
}
