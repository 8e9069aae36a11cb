/**
 * Lenient zod field readers for vendor payloads. A vendor event still means something when one
 * optional field is missing or has the wrong type (a ring is still a ring), so each reader drops
 * a bad value instead of failing the message; envelopes, by contrast, are strict.
 * Every reader also caps length, so no vendor can make an event arbitrarily large.
 */
import { z } from 'zod';
import { FIELD_LIMITS, type Kind, type ShellEvent } from '../contract/shell-event';
import type { RawCapture } from '../contract/raw-capture';

const clipTo = (max: number) => (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A non-empty string, clipped to `max`; anything else becomes undefined. */
export const text = (max: number = FIELD_LIMITS.text) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1))
    .transform(clipTo(max))
    .optional()
    .catch(undefined);

/** Vendor ids arrive as strings or numbers; both become a string ref. */
export const idField = z
  .union([z.string().trim().min(1).max(FIELD_LIMITS.ref), z.number().finite().transform(String)])
  .optional()
  .catch(undefined);

export const boolField = z.boolean().optional().catch(undefined);
export const numField = z.number().finite().optional().catch(undefined);

/** An object payload read loosely (extra keys kept); a non-object becomes {}. */
export const looseRecord = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape).catch(() => ({}) as never);

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
  return drafts.map((d, i) => ({
    id: `${capture.profile}:${capture.at}:${d.vendorEvent}:${i}`.slice(0, FIELD_LIMITS.id),
    at: capture.at,
    profile: capture.profile,
    vendor: capture.vendor,
    ...stripUndefined(d),
  }));
}

function stripUndefined(d: EventDraft): EventDraft {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (v === undefined) continue;
    if (k === 'party' && v && typeof v === 'object') {
      const party = stripParty(v as { name?: string; number?: string });
      if (party) out[k] = party;
      continue;
    }
    out[k] = v;
  }
  return out as EventDraft;
}

function stripParty(p: { name?: string; number?: string }): { name?: string; number?: string } | undefined {
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
