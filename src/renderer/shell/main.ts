/**
 * The shell window's UI (issue 3 scope: profile rail with live state and view health, the tray
 * state, a live feed). It talks to main only through `window.switchboard` (src/preload/shell.ts).
 */
import type { ShellApi, ShellSnapshot } from '../../shared/ipc/shell-protocol';

declare global {
  interface Window {
    switchboard: ShellApi;
  }
}

const $ = (id: string) => document.getElementById(id)!;
const HEALTH_TEXT: Record<ShellSnapshot['profiles'][number]['health'], string> = {
  loading: 'loading…',
  ok: '',
  recovering: 'reloading after a crash…',
  unresponsive: 'not responding',
  failed: 'stopped: crashed repeatedly',
};

function render(s: ShellSnapshot): void {
  const tray = $('tray');
  tray.textContent = s.tray.replace('-', ' ');
  tray.dataset.state = s.tray;
  const problems = $('problems');
  problems.hidden = s.problems.length === 0;
  problems.textContent = s.problems.join(' · ');

  $('profiles').replaceChildren(
    ...s.profiles.map((p) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      if (p.id === s.selected) button.setAttribute('aria-current', 'page');
      const name = Object.assign(document.createElement('span'), { textContent: p.name });
      const badge = Object.assign(document.createElement('span'), { className: 'badge', textContent: p.state.replace('-', ' ') });
      badge.dataset.state = p.state;
      button.append(name, badge);
      const health = HEALTH_TEXT[p.health];
      if (health) button.append(Object.assign(document.createElement('span'), { className: 'health', textContent: p.healthDetail ?? health }));
      button.addEventListener('click', () => window.switchboard.selectProfile(p.id));
      li.append(button);
      return li;
    }),
  );

  $('feed').replaceChildren(
    ...s.feed.map((entry) => {
      const li = document.createElement('li');
      li.dataset.type = entry.type;
      li.textContent = `${new Date(entry.at).toLocaleTimeString()} ${entry.profile} ${entry.summary}`;
      return li;
    }),
  );
}

window.switchboard.onUpdate(render);
void window.switchboard.getState().then(render);
