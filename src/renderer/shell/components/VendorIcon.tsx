/**
 * One small inline SVG mark per vendor (no external assets: the page's CSP allows none), named
 * for assistive technology by the vendor's label.
 */
import type { VendorId } from '../../../shared/contract/shell-event';

interface Mark {
  fill: string;
  text?: string;
}

const MARKS: Readonly<Record<VendorId, Mark>> = {
  'ringcentral-embeddable': { fill: '#0e7490', text: 'RC' },
  'engage-digital': { fill: '#1d4ed8', text: 'ED' },
  ucontact: { fill: '#047857', text: 'uC' },
  'huawei-aicc': { fill: '#b42318', text: 'HW' },
  expertflow: { fill: '#6d28d9', text: 'EF' },
  demo: { fill: '#374151' },
};

export function VendorIcon({ vendor, label, size = 28 }: { vendor: VendorId; label: string; size?: number }) {
  const mark = MARKS[vendor];
  return (
    <svg class="vendor-icon" width={size} height={size} viewBox="0 0 32 32" role="img" aria-label={label} focusable="false">
      <rect x="1" y="1" width="30" height="30" rx="8" fill={mark.fill} />
      {mark.text ? (
        <text x="16" y="21" text-anchor="middle" font-size="13" font-weight="700" font-family="system-ui, sans-serif" fill="#fff">
          {mark.text}
        </text>
      ) : (
        // The demo softphone: a handset.
        <path
          fill="#fff"
          d="M11.6 8.5c.5-.4 1.2-.3 1.6.2l2 2.7c.3.5.3 1.1-.1 1.5l-1.3 1.3a10 10 0 0 0 4 4l1.3-1.3c.4-.4 1-.4 1.5-.1l2.7 2c.5.4.6 1.1.2 1.6l-1.2 1.6c-.6.8-1.7 1.1-2.6.7A17 17 0 0 1 9.3 12.2c-.4-.9-.1-2 .7-2.6z"
        />
      )}
    </svg>
  );
}

/** The padlock shown beside every field IT locked. */
export function LockIcon() {
  return (
    <svg class="lock-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h.5c.8 0 1.5.7 1.5 1.5v5c0 .8-.7 1.5-1.5 1.5h-9C2.7 15 2 14.3 2 13.5v-5C2 7.7 2.7 7 3.5 7zm2 0h4V5a2 2 0 1 0-4 0z" />
    </svg>
  );
}

/** A bell, beside "Ringing". */
export function BellIcon() {
  return (
    <svg class="bell-icon" width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M8 1a1 1 0 0 1 1 1v.6A4.5 4.5 0 0 1 12.5 7v3l1.3 1.7c.3.4 0 1-.5 1H2.7c-.5 0-.8-.6-.5-1L3.5 10V7A4.5 4.5 0 0 1 7 2.6V2a1 1 0 0 1 1-1m-1.7 13h3.4a1.7 1.7 0 0 1-3.4 0" />
    </svg>
  );
}
