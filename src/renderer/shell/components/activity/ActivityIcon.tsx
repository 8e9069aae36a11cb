/** One small inline SVG per channel (call, chat, SMS, email, task), named for assistive technology. */
import type { ActivityChannel } from '../../../../shared/activity/activity';

const PATHS: Record<ActivityChannel, string> = {
  // A handset.
  call: 'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z',
  // A speech bubble.
  chat: 'M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H8l-4 4V5a1 1 0 0 1 1-1z',
  // A phone with lines of text.
  sms: 'M7 2h10a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm1 5v2h8V7zm0 4v2h6v-2z',
  email: 'M3 5h18v14H3zm2 2v.5l7 4.5 7-4.5V7l-7 4.5z',
  other: 'M5 4h14v16H5zm3 4v2h8V8zm0 4v2h8v-2z',
};

const LABEL: Record<ActivityChannel, string> = { call: 'Call', chat: 'Chat', sms: 'SMS', email: 'Email', other: 'Task' };

export function ActivityIcon({ channel }: { channel: ActivityChannel }) {
  return (
    <svg class={`activity-icon ${channel}`} width="18" height="18" viewBox="0 0 24 24" role="img" aria-label={LABEL[channel]} focusable="false">
      <path d={PATHS[channel]} fill="currentColor" fill-rule="evenodd" />
    </svg>
  );
}
