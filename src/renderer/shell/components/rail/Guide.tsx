/**
 * The first-run guide beside the demo softphone: four steps, dismissible for good. Each step works
 * on every desktop (the ring banner is ours; the tray may be missing, stock GNOME has none).
 */
import { useShell } from '../../state/shell-store';
import { shortcutText } from '../../logic/shortcuts';

export function Guide() {
  const { dismissGuide } = useShell();
  return (
    <aside class="guide" aria-labelledby="guide-title">
      <h2 id="guide-title">Welcome to Switchboard</h2>
      <p>The demo softphone needs no vendor account. Try it:</p>
      <ol>
        <li>
          <strong>Simulate a call:</strong> press “Simulate incoming call” in the demo softphone.
        </li>
        <li>
          <strong>See who is calling:</strong> a banner at the top of this window names the caller, and so does a notification (a small ring window when Switchboard is hidden).
        </li>
        <li>
          <strong>Answer it:</strong> press Answer on the banner (or Enter).
        </li>
        <li>
          <strong>Set do not disturb:</strong> open the presence menu at the top left, Do not disturb → On (or press {shortcutText({ shift: true, key: 'D' })}, or use the tray icon's menu where your desktop shows one).
        </li>
      </ol>
      <button type="button" class="secondary" onClick={dismissGuide}>
        Got it, hide the guide
      </button>
    </aside>
  );
}
