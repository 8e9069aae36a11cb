/**
 * Link dials wait for the agent: one question at a time, a cooldown after each, expiry, and an
 * answer only to the open question.
 */
import { describe, expect, it } from 'vitest';
import { DialConfirmations, describeDialSource, type DialAsk } from '../../../src/shared/links/dial-confirmation';

const ask = (number = '+19005550199'): DialAsk => ({
  number,
  profile: 'sales-us',
  profileName: 'Sales US',
  source: { kind: 'view', profile: 'support', via: 'window-open', origin: 'https://widget.thirdparty.test' },
});

describe('DialConfirmations', () => {
  it('asks, and dials only on "call" to the open question', () => {
    const c = new DialConfirmations();
    const asked = c.ask(ask(), 1_000);
    expect(asked).toEqual({ ask: { ...ask(), id: 'dial-1', at: 1_000 } });
    expect(c.answer('dial-2', 'call', 1_100)).toEqual({ error: 'there is no open question "dial-2"' });
    expect(c.pending()?.id).toBe('dial-1');
    expect(c.answer('dial-1', 'call', 1_200)).toEqual({ call: { ...ask(), id: 'dial-1', at: 1_000 } });
    expect(c.pending()).toBeNull();
    expect(c.answer('dial-1', 'call', 1_300), 'an answer counts once').toMatchObject({ error: expect.any(String) });
  });

  it('cancel dials nothing and closes the question', () => {
    const c = new DialConfirmations();
    c.ask(ask(), 0);
    expect(c.answer('dial-1', 'cancel', 10)).toMatchObject({ cancelled: { number: '+19005550199' } });
    expect(c.pending()).toBeNull();
  });

  it('refuses a second link while a question is open, and any link within the cooldown after it closes', () => {
    const c = new DialConfirmations({ cooldownMs: 3_000 });
    c.ask(ask(), 0);
    expect(c.ask(ask('+19005550100'), 10)).toEqual({ refused: 'another call is already waiting for the agent to answer' });
    c.answer('dial-1', 'cancel', 1_000);
    expect(c.ask(ask(), 2_999)).toMatchObject({ refused: expect.stringContaining('at most one every 3000 ms') });
    expect(c.ask(ask(), 4_000)).toMatchObject({ ask: { id: 'dial-2' } });
  });

  it('a hostile frame asking 1000 times gets one question', () => {
    const c = new DialConfirmations();
    const results = Array.from({ length: 1000 }, (_, i) => c.ask(ask(), i));
    expect(results.filter((r) => 'ask' in r)).toHaveLength(1);
  });

  it('a question nobody answers expires and dials nothing', () => {
    const c = new DialConfirmations({ expireMs: 60_000 });
    c.ask(ask(), 0);
    expect(c.expire(59_999)).toBeNull();
    expect(c.expire(60_000)).toMatchObject({ id: 'dial-1' });
    expect(c.pending()).toBeNull();
    expect(c.answer('dial-1', 'call', 60_001)).toMatchObject({ error: expect.any(String) });
  });

  it('names who asked in the agent\'s words', () => {
    const name = (id: string) => ({ support: 'Support desk' })[id] ?? id;
    expect(describeDialSource({ kind: 'os' }, name)).toBe('a link opened in another app');
    expect(describeDialSource(ask().source, name)).toBe('a page in Support desk (https://widget.thirdparty.test)');
    expect(describeDialSource({ kind: 'view', profile: 'support', via: 'navigation', origin: null }, name)).toBe('a link in Support desk');
  });
});
