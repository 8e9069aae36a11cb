/**
 * Click-to-dial: link parsing (including malformed and hostile numbers), the choice of the
 * profile that dials, and what the vendor is finally sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProfileSchema, type ProfileInput } from '../../../src/shared/contract/profile';
import { isDialLink, MAX_DIAL_DIGITS, parseDialLink } from '../../../src/shared/links/dial-link';
import { chooseDialProfile, LINK_DIAL_VENDORS, NO_DIAL_PROFILE } from '../../../src/shared/links/dial-profile';
import { ADAPTERS } from '../../../src/shared/vendors/registry';
import { VENDOR_IDS } from '../../../src/shared/contract/shell-event';
import { commandContext } from '../../support/command-context';

const number = (url: string) => {
  const r = parseDialLink(url);
  if ('error' in r) throw new Error(`${url}: ${r.error}`);
  return r.number;
};
const error = (url: string) => {
  const r = parseDialLink(url);
  return 'error' in r ? r.error : `parsed as ${r.number}`;
};

describe('parseDialLink: numbers', () => {
  it.each([
    ['tel:+1-555-123-4567', '+15551234567'],
    ['tel:+1 (555) 123.4567', '+15551234567'],
    ['TEL:+15551234567', '+15551234567'],
    ['tel:%2B1%20555%20123%204567', '+15551234567'],
    ['tel:*31%235551234', '*31#5551234'],
    ['tel:*31#5551234', '*31#5551234'],
    ['tel://+15551234', '+15551234'],
    ['  tel:5551234  ', '5551234'],
    ['callto:+15551234', '+15551234'],
    ['callto://+15551234', '+15551234'],
    ['callto://+15551234/', '+15551234'],
    ['callto:+15551234?call', '+15551234'],
    ['sip:+15551234@gateway.example;user=phone', '+15551234'],
    ['sips:+1-555-1234@gateway.example:5061;user=phone?subject=hi', '+15551234'],
    ['sip:1001@pbx.example', '1001'],
    ['sip:+1-212-555-1212;postd=pp22@foo.com;user=phone', '+12125551212'],
    ['sip:1001:secret@pbx.example', '1001'],
  ])('%s → %s', (url, expected) => {
    expect(number(url)).toBe(expected);
  });

  it('RFC 3966 ;ext= is kept apart; the agent keys it in', () => {
    expect(parseDialLink('tel:+1-555-1234;ext=101')).toEqual({ scheme: 'tel', number: '+15551234', extension: '101' });
    expect(error('tel:+15551234;ext=abc')).toBe('Cannot dial "tel:+15551234;ext=abc": the extension "abc" cannot be dialed');
  });

  it('RFC 3966 ;phone-context= on a local number is noted, and the number dialed as it is', () => {
    expect(parseDialLink('tel:863-1234;phone-context=+1-914-555')).toEqual({
      scheme: 'tel',
      number: '8631234',
      notes: ['local number of "+1-914-555", dialed as it is'],
    });
    // On a global number the context means nothing (RFC 3966 §5.1.5).
    expect(parseDialLink('tel:+18631234;phone-context=example.com')).toEqual({ scheme: 'tel', number: '+18631234' });
    expect(number('tel:+15551234;isub=1411;foo=bar')).toBe('+15551234');
  });
});

describe('parseDialLink: refused, with the reason', () => {
  it.each([
    ['tel:1-800-FLOWERS', 'Cannot dial "tel:1-800-FLOWERS": the number contains letters, which cannot be dialed'],
    ['tel:', 'Cannot dial "tel:": there is no number in it'],
    ['tel:+', 'Cannot dial "tel:+": there is no number in it'],
    ['tel:---', 'Cannot dial "tel:---": there is no number in it'],
    ['tel:*#', 'Cannot dial "tel:*#": there is no digit in the number'],
    ['tel:555+1234', 'Cannot dial "tel:555+1234": a "+" can only start the number'],
    ['tel:555_1234', 'Cannot dial "tel:555_1234": the number contains "_", which cannot be dialed'],
    [`tel:+${'1'.repeat(33)}`, `Cannot dial "tel:+${'1'.repeat(33)}": the number is longer than 32 digits`],
    ['tel:555%0A1234', 'Cannot dial "tel:555%0A1234": it contains control characters'],
    ['tel:555\u00001234', 'Cannot dial "tel:555?1234": it contains control characters'],
    ['tel:%E0%A4%A', 'Cannot dial "tel:%E0%A4%A": it is badly %-encoded'],
    ['tel:5551234;ext=', 'Cannot dial "tel:5551234;ext=": the extension "" cannot be dialed'],
    ['callto://echo123', 'Cannot dial "callto://echo123": the number contains letters, which cannot be dialed'],
    ['sip:alice@example.com', 'Cannot dial "sip:alice@example.com": it is a SIP address, not a phone number; the softphones Switchboard dials through (RingCentral, Huawei AICC, demo) take phone numbers only'],
    ['sip:example.com', 'Cannot dial "sip:example.com": the SIP address names no number'],
    ['sip:1001@', 'Cannot dial "sip:1001@": the SIP address names no host'],
    ['https://example.com/+15551234', 'Cannot dial "https://example.com/+15551234": it is not a tel:, callto:, sip: or sips: link'],
    ['javascript:alert(1)', 'Cannot dial "javascript:alert(1)": it is not a tel:, callto:, sip: or sips: link'],
    ['+15551234', 'Cannot dial "+15551234": it is not a tel:, callto:, sip: or sips: link'],
    ['', 'Cannot dial an empty link'],
    [`tel:${'1'.repeat(3000)}`, 'Cannot dial a link longer than 2048 characters'],
  ])('%s', (url, expected) => {
    expect(error(url)).toBe(expected);
  });

  it('exactly 32 digits is fine', () => {
    expect(number(`tel:+${'9'.repeat(MAX_DIAL_DIGITS)}`)).toHaveLength(33);
  });

  it('long links are quoted short in the message', () => {
    expect(error(`tel:${'x'.repeat(200)}`)).toMatch(/^Cannot dial "tel:x{76}…": /);
  });

  it('whatever the input, it never throws, and what it accepts is dialable', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((s) => `tel:${s}`), fc.string().map((s) => `sip:${s}@h`)), (url) => {
        const r = parseDialLink(url);
        if ('number' in r) expect(r.number).toMatch(/^\+?[0-9*#]{1,32}$/);
        else expect(r.error).toMatch(/^Cannot dial/);
      }),
    );
  });
});

describe('isDialLink (command-line arguments)', () => {
  it('recognises the schemes, whatever the number', () => {
    expect(['tel:x', 'CALLTO://y', 'sip:a@b', 'sips:1@b'].map(isDialLink)).toEqual([true, true, true, true]);
    expect(['https://x', '.', '/opt/app', 'mailto:a@b', 'tel'].map(isDialLink)).toEqual([false, false, false, false, false]);
  });
});

describe('chooseDialProfile', () => {
  const profile = (input: ProfileInput) => ProfileSchema.parse(input);
  const rc = profile({ id: 'rc', name: 'RingCentral', vendor: 'ringcentral-embeddable' });
  const aicc = profile({ id: 'aicc', name: 'AICC', vendor: 'huawei-aicc', allowedOrigins: ['https://cc.example'] });
  const engage = profile({ id: 'engage', name: 'Engage', vendor: 'engage-digital' });
  const uc = profile({ id: 'uc', name: 'uContact', vendor: 'ucontact' });

  it('the default softphone when it can dial', () => {
    expect(chooseDialProfile([rc, aicc], 'aicc')).toEqual({ profile: aicc });
  });

  it('otherwise the first profile that can dial', () => {
    expect(chooseDialProfile([engage, uc, aicc, rc])).toEqual({ profile: aicc });
  });

  it('a default that is gone or cannot dial is passed over, and the agent told why', () => {
    expect(chooseDialProfile([engage, rc], 'engage')).toEqual({
      profile: rc,
      note: 'The default softphone "Engage" cannot place calls from links (engage-digital). Dialing through "RingCentral" instead.',
    });
    expect(chooseDialProfile([rc], 'gone')).toEqual({ profile: rc, note: 'The default softphone profile "gone" does not exist. Dialing through "RingCentral" instead.' });
  });

  it('a clear message when no profile can dial', () => {
    expect(chooseDialProfile([engage, uc])).toEqual({ error: NO_DIAL_PROFILE });
    expect(chooseDialProfile([])).toEqual({ error: 'No profile can place calls: add a RingCentral, Huawei AICC or demo profile, or mark one as the default softphone.' });
    expect(chooseDialProfile([engage], 'engage')).toEqual({ error: `The default softphone "Engage" cannot place calls from links (engage-digital). ${NO_DIAL_PROFILE}` });
  });

  it('the vendors that dial links are exactly those with a dial command that needs no campaign', () => {
    const withDial = VENDOR_IDS.filter((v) => ADAPTERS[v].commands.dial);
    expect([...LINK_DIAL_VENDORS].sort()).toEqual(withDial.filter((v) => v !== 'ucontact').sort());
  });
});

describe('what the vendor is sent', () => {
  const dial = (vendor: (typeof LINK_DIAL_VENDORS)[number], url: string) => ADAPTERS[vendor].commands.dial!(number(url), commandContext());

  it('RingCentral and the demo: rc-adapter-new-call', () => {
    for (const vendor of ['ringcentral-embeddable', 'demo'] as const) {
      const r = dial(vendor, 'tel:+1 (555) 123-4567');
      expect('messages' in r && r.messages).toEqual([{ transport: 'postMessage', data: { type: 'rc-adapter-new-call', phoneNumber: '+15551234567', toCall: true } }]);
      // RingCentral drops a dial silently (signed out, another call being placed): main watches for the call.
      expect('messages' in r && r.confirm?.what).toBe(vendor === 'demo' ? undefined : 'start the call to +15551234567');
    }
  });

  it('Huawei AICC: callout, and it accepts every number a link can give', () => {
    expect(dial('huawei-aicc', 'sip:+15551234@gw;user=phone')).toEqual({ messages: [{ transport: 'postMessage', data: { name: 'callout', param: ['+15551234', 'audio'] } }] });
    expect(dial('huawei-aicc', `tel:+${'1'.repeat(31)}`)).toHaveProperty('messages');
    expect(dial('huawei-aicc', 'tel:*31#1234')).toHaveProperty('messages');
  });
});
