import { describe, expect, it } from 'vitest';
import { lockReason, profileLockPath } from '../../../src/renderer/shell/logic/locks';

describe('shell lock lookup', () => {
  const locks = { 'logs.redaction': 'Compliance: numbers are masked', forwarding: 'Central SIEM', 'profiles.sales': 'Managed by IT' };

  it('finds a field’s own lock and the nearest locked ancestor', () => {
    expect(lockReason(locks, 'logs.redaction')).toBe('Compliance: numbers are masked');
    expect(lockReason(locks, 'logs.retentionDays')).toBeUndefined();
    expect(lockReason(locks, 'forwarding.endpoint')).toBe('Central SIEM');
    expect(lockReason(locks, profileLockPath('sales', 'url'))).toBe('Managed by IT');
    expect(lockReason(locks, profileLockPath('sales'))).toBe('Managed by IT');
    expect(lockReason(locks, profileLockPath('support', 'url'))).toBeUndefined();
    expect(lockReason({ profiles: 'Profiles come from policy' }, profileLockPath('support', 'url'))).toBe('Profiles come from policy');
  });

  it('does not match a sibling that merely shares a prefix, nor inherited object keys', () => {
    expect(lockReason({ 'logs.red': 'x' }, 'logs.redaction')).toBeUndefined();
    expect(lockReason({ 'profiles.sales': 'x' }, 'profiles.sales-eu.url')).toBeUndefined();
    expect(lockReason({}, 'constructor')).toBeUndefined();
    expect(lockReason({}, 'toString.x')).toBeUndefined();
  });
});
