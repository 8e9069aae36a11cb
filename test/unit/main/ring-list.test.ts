import { describe, expect, it } from 'vitest';
import { RingList } from '../../../src/main/shell/ring-list';
import type { Effect } from '../../../src/shared/contract/effects';
import type { ShellEvent } from '../../../src/shared/contract/shell-event';

const offered = (ref: string, name?: string): ShellEvent =>
  ({ id: `e-${ref}`, at: 1, profile: 'sales', vendor: 'ringcentral-embeddable', kind: 'interaction.offered', ref, vendorEvent: 'rc-call-ring-notify', media: 'voice', ...(name ? { party: { name, number: '+16505550142' } } : {}), queue: 'Sales' }) as unknown as ShellEvent;
const notify = (ref: string, update = false): Extract<Effect, { type: 'notify' }> => ({ type: 'notify', kind: 'interaction.offered', title: 't', body: 'b', profile: 'sales', ref, actions: ['answer', 'decline'], media: 'voice', ...(update ? { update: true as const } : {}) });

describe('RingList: the calls ringing now, as long as their toast', () => {
  it('a ring starts with its notify, keeps its id and start time when named again, and ends with its dismiss', () => {
    const list = new RingList(() => 'Sales US');
    list.apply([offered('c1')], [notify('c1')], 1000);
    expect(list.list()).toEqual([{ id: 'ring-1', profile: 'sales', profileName: 'Sales US', queue: 'Sales', media: 'voice', since: 1000, actions: ['answer', 'decline'] }]);
    list.apply([offered('c1', 'Maria Garcia')], [notify('c1', true)], 3000);
    expect(list.list()).toMatchObject([{ id: 'ring-1', name: 'Maria Garcia', number: '+16505550142', since: 1000 }]);
    expect(list.find('ring-1')).toEqual({ profile: 'sales', ref: 'c1', actions: ['answer', 'decline'] });
    list.apply([], [{ type: 'dismiss', profile: 'sales', ref: 'c1', expired: true }], 91_000);
    expect(list.list()).toEqual([]);
    expect(list.find('ring-1')).toBeUndefined();
  });

  it('misses and messages are not rings; other profiles\' dismisses leave a ring alone', () => {
    const list = new RingList((id) => id);
    list.apply([], [{ ...notify('c2'), kind: 'interaction.missed' }, { ...notify('c3'), kind: 'message.inbound' }], 1);
    expect(list.size).toBe(0);
    list.apply([offered('c4')], [notify('c4')], 2);
    list.apply([], [{ type: 'dismiss', profile: 'support', ref: 'c4' }], 3);
    expect(list.size).toBe(1);
  });
});
