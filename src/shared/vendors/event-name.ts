/**
 * The vendor event name a message will be read as, found cheaply and without building events:
 * the capture bridge keys its rate fairness on it, and gives rings their own budget. It reads the
 * same field the vendor's adapter reads (RC `type`, Engage `name`, uContact `event`/`action`,
 * Huawei `eventType` inside its JSON string or object envelope, ExpertFlow the Socket.IO event
 * name or its CRM postMessage's `eventName`), so a flood cannot dress one event up as many kinds,
 * and a ring cannot hide among them.
 */
import type { VendorId } from '../contract/shell-event';
import { ADAPTERS } from './registry';
import { MAX_JSON_CHARS } from './huawei-aicc';
import { decodeSocketIoFrame } from './socket-io-frames';

/** A name longer than this is no documented event; the prefix still tells floods apart. */
const MAX_NAME = 64;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function ownString(record: Record<string, unknown>, key: string): string | undefined {
  if (!Object.hasOwn(record, key)) return undefined;
  const v = record[key];
  return typeof v === 'string' ? v : undefined;
}

function huaweiName(data: unknown): string | undefined {
  let value = data;
  if (typeof data === 'string') {
    if (data.length > MAX_JSON_CHARS) return undefined;
    try {
      value = JSON.parse(data);
    } catch {
      return undefined;
    }
  }
  if (!isRecord(value)) return undefined;
  const inner = isRecord(value.event) ? value.event : value;
  return ownString(inner, 'eventType');
}

function rawName(vendor: VendorId, data: unknown): string | undefined {
  switch (vendor) {
    case 'ringcentral-embeddable':
    case 'demo':
      return isRecord(data) ? ownString(data, 'type') : undefined;
    case 'engage-digital':
      return isRecord(data) ? ownString(data, 'name') : undefined;
    case 'ucontact':
      return isRecord(data) ? (ownString(data, 'event') ?? ownString(data, 'action')) : undefined;
    case 'huawei-aicc':
      return huaweiName(data);
    case 'expertflow': {
      // The desk's CRM postMessages (expertflow-crm.ts) name themselves; the rest are frames.
      if (isRecord(data)) return ownString(data, 'eventName') ?? ownString(data, 'event');
      const frame = decodeSocketIoFrame(data);
      if ('error' in frame) return undefined;
      return frame.kind === 'event' ? frame.name : `(${frame.what})`;
    }
  }
}

/** The event name, clipped; messages the adapter will not read as any event share one name per type. */
export function vendorEventName(vendor: VendorId, data: unknown): string {
  const name = rawName(vendor, data);
  if (name === undefined) return `(unnamed ${Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data})`;
  return name.slice(0, MAX_NAME);
}

const offers = new Map<VendorId, ReadonlySet<string>>();

/** True for the names the vendor's mapping table turns into interaction.offered (a ring). */
export function isOfferName(vendor: VendorId, name: string, direction?: 'in' | 'out'): boolean {
  // ExpertFlow's taskRequest is an offer only from the server (expertflow.ts); the CRM
  // postMessages have no direction and AGENT_TASK_STATE may be an offer.
  if (vendor === 'expertflow' && direction === 'out') return false;
  let names = offers.get(vendor);
  if (!names) {
    names = new Set(ADAPTERS[vendor].mapping.filter((r) => r.kind === 'interaction.offered').map((r) => r.vendorEvent));
    offers.set(vendor, names);
  }
  return names.has(name);
}
