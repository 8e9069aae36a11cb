/**
 * A profile as the settings form edits it: lists as one-entry-per-line text, "vendor default"
 * as a mode choice, an empty URL as no URL. profileInput() turns it back into what ProfileSchema
 * validates.
 */
import type { NotificationRules, Profile, ProfileInput } from '../../../shared/contract/profile';
import type { VendorId } from '../../../shared/contract/shell-event';

export type ModeChoice = 'default' | 'framed' | 'direct';

export interface ProfileDraft {
  /** Stable list key: a new profile's id changes while its name is typed. */
  key: string;
  /** Added in this form and not saved yet: its id can still be chosen. */
  isNew: boolean;
  /** The id was typed by hand, so it no longer follows the name. */
  idEdited: boolean;
  id: string;
  name: string;
  vendor: VendorId;
  url: string;
  mode: ModeChoice;
  media: { audio: boolean; video: boolean };
  /** One origin per line. */
  allowedOrigins: string;
  /** One host per line. */
  authHosts: string;
  notifications: NotificationRules;
}

export const splitLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function draftFromProfile(p: Profile): ProfileDraft {
  return {
    key: `saved:${p.id}`,
    isNew: false,
    idEdited: false,
    id: p.id,
    name: p.name,
    vendor: p.vendor,
    url: p.url ?? '',
    mode: p.mode ?? 'default',
    media: { ...p.media },
    allowedOrigins: p.allowedOrigins.join('\n'),
    authHosts: p.authHosts.join('\n'),
    notifications: { ...p.notifications },
  };
}

export function profileInput(d: ProfileDraft): ProfileInput {
  const url = d.url.trim();
  return {
    id: d.id,
    name: d.name,
    vendor: d.vendor,
    ...(url ? { url } : {}),
    allowedOrigins: splitLines(d.allowedOrigins),
    ...(d.mode === 'default' ? {} : { mode: d.mode }),
    media: { ...d.media },
    authHosts: splitLines(d.authHosts),
    notifications: { ...d.notifications },
  };
}

/** A profile id from a name: "Sales EU (2)" → "sales-eu-2"; '' when nothing usable is left. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… whichever no other profile uses (kept within 40 characters). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'profile';
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${root.slice(0, 40 - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(id)) return id;
  }
}

let added = 0;

export function newProfileDraft(others: readonly ProfileDraft[]): ProfileDraft {
  const taken = new Set(others.map((o) => o.id));
  return {
    key: `new:${++added}`,
    isNew: true,
    idEdited: false,
    id: uniqueId('profile', taken),
    name: '',
    vendor: 'ringcentral-embeddable',
    url: '',
    mode: 'default',
    media: { audio: true, video: false },
    allowedOrigins: '',
    authHosts: '',
    notifications: { offered: true, missed: true, messages: true },
  };
}

/** A new profile's name changed: its id follows unless it was typed by hand. */
export function renamed(d: ProfileDraft, name: string, others: readonly ProfileDraft[]): ProfileDraft {
  if (!d.isNew || d.idEdited) return { ...d, name };
  const taken = new Set(others.filter((o) => o.key !== d.key).map((o) => o.id));
  return { ...d, name, id: uniqueId(slugify(name), taken) };
}

/** Swaps items i and j (a move up or down); the same array when either is out of range. */
export function swap<T>(list: readonly T[], i: number, j: number): T[] {
  if (i < 0 || j < 0 || i >= list.length || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
