/** Every vendor adapter by id; the only place that knows the full list. */
import type { VendorId } from '../contract/shell-event';
import type { VendorAdapter } from './adapter';
import { demo } from './demo';
import { engageDigital } from './engage-digital';
import { expertflow } from './expertflow';
import { huaweiAicc } from './huawei-aicc';
import { ringcentralEmbeddable } from './ringcentral-embeddable';
import { ucontact } from './ucontact';

export const ADAPTERS: Readonly<Record<VendorId, VendorAdapter>> = {
  'ringcentral-embeddable': ringcentralEmbeddable,
  'engage-digital': engageDigital,
  ucontact,
  'huawei-aicc': huaweiAicc,
  expertflow,
  demo,
};

export function adapterFor(vendor: VendorId): VendorAdapter {
  return ADAPTERS[vendor];
}
