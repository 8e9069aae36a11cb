/**
 * The tray menu and tooltip as plain data. main/tray/tray-controller.ts turns the model into
 * Electron menu templates; keeping the decisions here (what is offered, what is disabled and why)
 * lets them be tested without Electron and keeps the glue mechanical.
 *
 * Menu:
 *   Show Switchboard | Hide Switchboard
 *   ─
 *   Do not disturb ▸  On · For 1 hour · Until tomorrow 08:00 · Off        (radio; expiry in label)
 *   ─
 *   <profile> — <state> ▸  one radio per agent state, enabled when the vendor can set it,
 *                          else disabled with the reason; or one disabled line when the vendor
 *                          has no presence commands at all
 *   ─
 *   Quit Switchboard
 */
import type { TrayState } from '../contract/effects';
import { AGENT_STATES, type AgentState, type VendorId } from '../contract/shell-event';
import type { DndMode, DndSnapshot } from './dnd';
import { TRAY_STATE_LABELS, agentStateLabel, formatWhen } from './labels';
import { cannotSetReason, noPresenceReason, settableStates } from './vendor-presence';

export type TrayCommand =
  | { type: 'toggle-window' }
  | { type: 'dnd'; mode: DndMode }
  | { type: 'set-state'; profile: string; state: AgentState }
  | { type: 'quit' };

export type TrayMenuItemType = 'normal' | 'checkbox' | 'radio' | 'separator' | 'submenu';

export interface TrayMenuItem {
  /** Unique within the menu. */
  id: string;
  label: string;
  type: TrayMenuItemType;
  checked?: boolean;
  enabled: boolean;
  /** Why the item is disabled (macOS shows sublabels and tooltips; the glue folds it into the label elsewhere). */
  sublabel?: string;
  toolTip?: string;
  submenu?: TrayMenuItem[];
  /** What clicking does; absent on disabled, separator and submenu items. */
  command?: TrayCommand;
}

export interface TrayProfileInput {
  id: string;
  name: string;
  vendor: VendorId;
  /** The profile's own tray state (core/presence.ts). */
  state: TrayState;
  /** Last routing state the vendor reported, or null: the checked item in its submenu. */
  agentState: AgentState | null;
}

export interface TrayMenuInput {
  windowVisible: boolean;
  /** The effective DND at `now` (DndState.snapshot(now)). */
  dnd: DndSnapshot;
  profiles: readonly TrayProfileInput[];
  aggregate: TrayState;
  /** Only for wording expiry times ("14:30" vs "tomorrow 08:00"). */
  now: number;
}

export const NO_PRESENCE_LABEL = "Presence is set in the vendor's own window";
/** Windows keeps 127 characters of a tray tooltip (NOTIFYICONDATA.szTip) and cuts the rest blindly. */
export const TOOLTIP_MAX = 127;

const DND_OPTIONS: readonly { mode: DndMode; label: string }[] = [
  { mode: 'on', label: 'On' },
  { mode: 'hour', label: 'For 1 hour' },
  { mode: 'tomorrow', label: 'Until tomorrow 08:00' },
  { mode: 'off', label: 'Off' },
];

const separator = (id: string): TrayMenuItem => ({ id, label: '', type: 'separator', enabled: true });

function dndUntil(dnd: DndSnapshot, now: number): string | null {
  return 'until' in dnd ? formatWhen(dnd.until, now) : null;
}

function dndMenu(dnd: DndSnapshot, now: number): TrayMenuItem {
  const until = dndUntil(dnd, now);
  const label = dnd.mode === 'off' ? 'Do not disturb' : `Do not disturb (${until === null ? 'on' : `until ${until}`})`;
  return {
    id: 'dnd',
    label,
    type: 'submenu',
    enabled: true,
    submenu: DND_OPTIONS.map(({ mode, label: optionLabel }) => ({
      id: `dnd:${mode}`,
      label: mode === dnd.mode && until !== null ? `${optionLabel} (ends ${until})` : optionLabel,
      type: 'radio',
      checked: mode === dnd.mode,
      enabled: true,
      command: { type: 'dnd', mode },
    })),
  };
}

function profileMenu(p: TrayProfileInput): TrayMenuItem {
  const base = `profile:${p.id}`;
  const settable = settableStates(p.vendor);
  let submenu: TrayMenuItem[];
  if (settable.length === 0) {
    const why = noPresenceReason(p.vendor);
    submenu = [{ id: `${base}:no-presence`, label: NO_PRESENCE_LABEL, type: 'normal', enabled: false, sublabel: why, toolTip: why }];
  } else {
    // All six as one radio group, in the contract's order, so the list looks the same for every
    // vendor and the current state shows as checked even when the tray cannot set it.
    submenu = AGENT_STATES.map((state): TrayMenuItem => {
      const label = agentStateLabel(p.vendor, state);
      const item: TrayMenuItem = { id: `${base}:state:${state}`, label, type: 'radio', checked: p.agentState === state, enabled: true };
      if (settable.includes(state)) return { ...item, command: { type: 'set-state', profile: p.id, state } };
      const why = cannotSetReason(p.vendor, label);
      return { ...item, enabled: false, sublabel: why, toolTip: why };
    });
  }
  return { id: base, label: `${p.name} — ${TRAY_STATE_LABELS[p.state]}`, type: 'submenu', enabled: true, submenu };
}

export function buildTrayMenu(input: TrayMenuInput): TrayMenuItem[] {
  const items: TrayMenuItem[] = [
    {
      id: 'window',
      label: input.windowVisible ? 'Hide Switchboard' : 'Show Switchboard',
      type: 'normal',
      enabled: true,
      command: { type: 'toggle-window' },
    },
    separator('sep:window'),
    dndMenu(input.dnd, input.now),
    separator('sep:dnd'),
  ];
  if (input.profiles.length === 0) {
    items.push({ id: 'no-profiles', label: 'No profiles configured', type: 'normal', enabled: false });
  } else {
    for (const p of input.profiles) items.push(profileMenu(p));
  }
  items.push(separator('sep:profiles'), { id: 'quit', label: 'Quit Switchboard', type: 'normal', enabled: true, command: { type: 'quit' } });
  return items;
}

/**
 * "Switchboard — Ringing\nRC Support: Ringing\nDemo softphone: Available". Kept within
 * TOOLTIP_MAX by dropping whole profile lines and saying how many are left out.
 */
export function trayTooltip(input: TrayMenuInput): string {
  const until = input.aggregate === 'dnd' ? dndUntil(input.dnd, input.now) : null;
  const head = `Switchboard — ${TRAY_STATE_LABELS[input.aggregate]}${until === null ? '' : ` until ${until}`}`;
  const lines = input.profiles.map((p) => `${p.name}: ${TRAY_STATE_LABELS[p.state]}`);
  let text = [head, ...lines].join('\n');
  for (let kept = lines.length - 1; text.length > TOOLTIP_MAX && kept >= 0; kept--) {
    text = [head, ...lines.slice(0, kept), `+${lines.length - kept} more`].join('\n');
  }
  return text.length > TOOLTIP_MAX ? `${text.slice(0, TOOLTIP_MAX - 1)}…` : text;
}
