/**
 * Lenient zod field readers for vendor payloads. A vendor event still means something when one
 * optional field is missing or has the wrong type (a ring is still a ring), so each reader drops
 * a bad value instead of failing the message; envelopes, by contrast, are strict.
 * Every reader also caps length, so no vendor can make an event arbitrarily large.
 */
import { clip } from '../text';
import { z } from 'zod';
import { FIELD_LIMITS, type Kind, type ShellEvent } from '../contract/shell-event';
import type { RawCapture } from '../contract/raw-capture';

const clipTo = (max: number) => (s: string) => clip(s, max);

/**
 * A non-empty string, trimmed and clipped to `max`; anything else becomes undefined.
 * One transform rather than a chain: this runs for every field of every captured message.
 */
export const text = (max: number = FIELD_LIMITS.text) => {
  const clip = clipTo(max);
  return z
    .string()
    .transform((s) => {
      const t = s.trim();
      return t === '' ? undefined : clip(t);
    })
    .optional()
    .catch(undefined);
};

/** Vendor ids arrive as strings or numbers; both become a string ref (too long: dropped). */
export const idField = z
  .union([z.string(), z.number()])
  .transform((v) => {
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
    const t = v.trim();
    return t === '' || t.length > FIELD_LIMITS.ref ? undefined : t;
  })
  .optional()
  .catch(undefined);

export const boolField = z.boolean().optional().catch(undefined);
export const numField = z.number().finite().optional().catch(undefined);

/**
 * An object payload read for the named fields only (others are not copied: the event keeps the
 * original payload as `raw`). A missing or non-object value reads as an empty payload parsed
 * through the same shape, so nested records exist at every level and every leaf is undefined.
 * Every field of `shape` must itself tolerate undefined (the readers above all do).
 */
export function looseRecord<T extends z.ZodRawShape>(shape: T) {
  const schema = z.object(shape);
  return schema.catch(() => schema.parse({}));
}

/** Reads `key` of `table` as an own property only, so `__proto__` or `constructor` never match. */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export type EventDraft = Omit<ShellEvent, 'id' | 'at' | 'profile' | 'vendor'>;

/**
 * Completes drafts into ShellEvents. Ids are deterministic (profile, capture time, vendor event,
 * position) so replaying the same capture yields the same events; main supplies unique ids.
 */
export function stamp(capture: RawCapture, drafts: EventDraft[]): ShellEvent[] {
  return drafts.map((d, i) => {
    // Built field by field (not spread + filter): this runs for every captured message.
    const id = `${capture.profile}:${capture.at}:${d.vendorEvent}:${i}`;
    const e: ShellEvent = {
      id: id.length > FIELD_LIMITS.id ? id.slice(0, FIELD_LIMITS.id) : id,
      at: capture.at,
      profile: capture.profile,
      vendor: capture.vendor,
      kind: d.kind,
      vendorEvent: d.vendorEvent,
      raw: d.raw,
    };
    if (d.ref !== undefined) e.ref = d.ref;
    if (d.media !== undefined) e.media = d.media;
    const party = d.party && cleanParty(d.party);
    if (party) e.party = party;
    if (d.queue !== undefined) e.queue = d.queue;
    if (d.text !== undefined) e.text = d.text;
    if (d.state !== undefined) e.state = d.state;
    if (d.loggedIn !== undefined) e.loggedIn = d.loggedIn;
    if (d.on !== undefined) e.on = d.on;
    if (d.derived !== undefined) e.derived = d.derived;
    return e;
  });
}

function cleanParty(p: { name?: string; number?: string }): { name?: string; number?: string } | undefined {
  const out: { name?: string; number?: string } = {};
  if (p.name) out.name = clipTo(FIELD_LIMITS.name)(p.name);
  if (p.number) out.number = clipTo(FIELD_LIMITS.number)(p.number);
  return out.name || out.number ? out : undefined;
}

/** Short description of a value for rejection reasons ("got number", "got an array"). */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `a ${v.length}-character string` : `the string "${v}"`;
  return typeof v;
}

/** Why a message lacks a usable event-name field `key`, for rejection reasons. */
export function envelopeProblem(data: unknown, key: string): string {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return `expected an object with a string "${key}", got ${describeValue(data)}`;
  const value = (data as Record<string, unknown>)[key];
  if (!Object.hasOwn(data, key)) return `expected a string "${key}", and there is none`;
  if (typeof value === 'string') {
    return value.length === 0 ? `"${key}" is empty` : `"${key}" is ${value.length} characters long (at most ${FIELD_LIMITS.vendorEvent})`;
  }
  return `expected a string "${key}", got ${describeValue(value)}`;
}

/** The name of the vendor event, clipped for use as ShellEvent.vendorEvent. */
export const eventName = (name: string): string => clipTo(FIELD_LIMITS.vendorEvent)(name);

export type KindTable = Readonly<Record<string, Kind>>;
