import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/shared/core/phone-format';
import { ringTime } from '../../../src/renderer/shell/logic/ring-time';

describe('formatNumber: as a person reads it', () => {
  it.each([
    ['+16505550142', '+1 650 555 0142'],
    ['16505550142', '+1 650 555 0142'],
    ['+1 (650) 555-0142', '+1 650 555 0142'],
    ['6505550142', '650 555 0142'],
    ['+44 20 7946 0321', '+44 20 7946 0321'],
    ['43466', '43466'],
    ['sip:alice@example.com', 'sip:alice@example.com'],
  ])('%s → %s', (raw, shown) => expect(formatNumber(raw)).toBe(shown));

  it('ring time counts minutes and seconds', () => {
    expect([ringTime(0), ringTime(7_900), ringTime(83_000), ringTime(-5)]).toEqual(['0:00', '0:07', '1:23', '0:00']);
  });
});
