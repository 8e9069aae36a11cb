/**
 * The 48 px header across the window: brand, the presence control (at the left, so its panel
 * opens over the rail and never under the vendor view) with who is calling beside it while
 * something rings, problems and the Settings button.
 */
import { useShell } from '../../state/shell-store';
import { PresenceControl } from './PresenceControl';
import { RingingNow } from './RingingNow';

function GearIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M6.9 1h2.2l.4 1.9 1.3.6 1.7-1 1.5 1.5-1 1.7.6 1.3 1.9.4v2.2l-1.9.4-.6 1.3 1 1.7-1.5 1.5-1.7-1-1.3.6-.4 1.9H6.9l-.4-1.9-1.3-.6-1.7 1-1.5-1.5 1-1.7-.6-1.3L.5 9.1V6.9l1.9-.4.6-1.3-1-1.7 1.5-1.5 1.7 1 1.3-.6zM8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5"
      />
    </svg>
  );
}

export function Header() {
  const { snapshot, page, openPage, closePage } = useShell();
  const problems = snapshot.problems.length;
  const settingsOpen = page === 'settings';
  return (
    <header class="top">
      <h1 class="brand">Switchboard</h1>
      <PresenceControl />
      <RingingNow />
      <div class="top-actions">
        {problems > 0 && (
          <button type="button" class="problems-button" onClick={() => openPage('settings')}>
            {problems === 1 ? '1 problem' : `${problems} problems`}
            <span class="visually-hidden"> with the settings: show them</span>
          </button>
        )}
        <button type="button" class="top-button" aria-pressed={settingsOpen} onClick={() => (settingsOpen ? closePage() : openPage('settings'))}>
          <GearIcon />
          Settings
        </button>
      </div>
    </header>
  );
}
