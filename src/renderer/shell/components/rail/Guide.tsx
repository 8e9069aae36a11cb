/** The first-run guide beside the demo softphone: four steps, dismissible for good. */
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
          <strong>See the notification:</strong> a native notification shows the caller.
        </li>
        <li>
          <strong>Answer from it:</strong> choose Answer on the notification.
        </li>
        <li>
          <strong>Set do not disturb from the tray:</strong> open the tray icon's menu, Do not disturb → On (or press {shortcutText({ shift: true, key: 'D' })}).
        </li>
      </ol>
      <button type="button" class="secondary" onClick={dismissGuide}>
        Got it, hide the guide
      </button>
    </aside>
  );
}
