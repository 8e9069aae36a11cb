import { describe, expect, it } from 'vitest';
import { ShellEventSchema, type ShellEvent } from '../../../src/shared/contract/shell-event';
import { maskNumbers, redactEvent, redactText } from '../../../src/shared/core/redaction';

const event: ShellEvent = {
  id: 'e1',
  at: 1,
  profile: 'rc',
  vendor: 'ringcentral-embeddable',
  kind: 'message.inbound',
  vendorEvent: 'rc-inbound-message-notify',
  ref: 'm1',
  media: 'sms',
  party: { name: 'Jane Doe', number: '+1 (650) 555-0100' },
  queue: 'Sales',
  text: 'Call me at 650.555.0199 about order 1234',
  raw: { message: { subject: 'Call me at 650.555.0199', from: { phoneNumber: '+16505550100' } }, count: 3 },
};

describe('redaction', () => {
  it('numbers: phone-like runs keep their last 4 digits everywhere, short numbers stay', () => {
    expect(maskNumbers('+1 (650) 555-0100')).toBe('•••• 0100');
    expect(maskNumbers('order 1234, ext 101')).toBe('order 1234, ext 101');
    const r = redactEvent(event, 'numbers');
    expect(r.party).toEqual({ name: 'Jane Doe', number: '•••• 0100' });
    expect(r.text).toBe('Call me at •••• 0199 about order 1234');
    expect(r.raw).toEqual({ message: { subject: 'Call me at •••• 0199', from: { phoneNumber: '•••• 0100' } }, count: 3 });
    expect(ShellEventSchema.safeParse(r).success).toBe(true);
    expect(event.party?.number).toBe('+1 (650) 555-0100');
  });

  it('full: only what happened, when and on which profile (no ref, queue or vendor text)', () => {
    const r = redactEvent(event, 'full');
    expect(r).toEqual({ id: 'e1', at: 1, profile: 'rc', vendor: 'ringcentral-embeddable', kind: 'message.inbound', vendorEvent: 'rc-inbound-message-notify', media: 'sms', raw: { redacted: 'full' } });
    expect(ShellEventSchema.safeParse(r).success).toBe(true);
    // An undocumented event's name is the vendor's text (vendor.other): it goes too.
    const other = redactEvent({ ...event, kind: 'vendor.other', vendorEvent: 'rc-note-for +16505550100', ref: '+16505550100', queue: 'VIP +16505550100' }, 'full');
    expect(other).toEqual({ id: 'e1', at: 1, profile: 'rc', vendor: 'ringcentral-embeddable', kind: 'vendor.other', vendorEvent: 'redacted', media: 'sms', raw: { redacted: 'full' } });
  });

  it('off returns the event untouched; free text follows the same levels', () => {
    expect(redactEvent(event, 'off')).toBe(event);
    expect(redactText('from +16505550100', 'numbers')).toBe('from •••• 0100');
    expect(redactText('from +16505550100', 'full')).toBe('[redacted]');
  });

  it('raw payload keys like __proto__ are copied as data, never as prototypes', () => {
    const hostile = { ...event, raw: JSON.parse('{"__proto__": {"polluted": "+16505550100"}}') };
    const r = redactEvent(hostile, 'numbers');
    expect(Object.getPrototypeOf(r.raw)).toBe(Object.prototype);
    expect((r.raw as Record<string, { polluted: string }>)['__proto__']).toEqual({ polluted: '•••• 0100' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
