/** Small builders for RawCaptures in tests. */
import type { RawCapture } from '../../src/shared/contract/raw-capture';
import type { VendorId } from '../../src/shared/contract/shell-event';

export const T0 = 1_700_000_000_000;

export function capture(vendor: VendorId, data: unknown, extra: Partial<RawCapture> = {}): RawCapture {
  return {
    profile: 'p1',
    vendor,
    origin: 'https://apps.ringcentral.com',
    transport: 'postMessage',
    data,
    at: T0,
    ...extra,
  };
}
