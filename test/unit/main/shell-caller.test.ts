/**
 * The ringing profile's caller in ShellState's snapshots: set from the offer while the profile
 * rings, gone when it stops. Driven as main drives it (test/support/shell-main.ts) with captured
 * vendor lines (test/fixtures/replay) and the demo softphone.
 */
import { describe, expect, it } from 'vitest';
import { ProfileViewSchema } from '../../../src/shared/ipc/shell-protocol';
import { ShellMain } from '../../support/shell-main';
import { demoSoftphone, replayed } from '../../support/vendor-traffic';

const RC = 'ringcentral-embeddable';
const stored = {
  profiles: [
    { id: 'sales', name: 'Sales US', vendor: RC, url: 'https://apps.ringcentral.com/integration/ringcentral-embeddable/latest/app.html' },
    { id: 'chat', name: 'Chat desk', vendor: 'engage-digital', url: 'https://acme.digital.ringcentral.com/', allowedOrigins: ['https://acme.digital.ringcentral.com'] },
  ],
};
const view = (main: ShellMain, id: string) => main.snapshot().profiles.find((p) => p.id === id)!;

describe('the ringing caller', () => {
  it('the demo softphone rings: its caller, number and queue are on the profile until it is answered', () => {
    const main = new ShellMain();
    const demo = demoSoftphone((sent) => main.capture('demo', sent));
    demo.phone.start();
    expect(view(main, 'demo')).toMatchObject({ state: 'available' });
    expect(view(main, 'demo').caller).toBeUndefined();

    demo.phone.ring();
    expect(view(main, 'demo')).toMatchObject({ state: 'ringing', caller: { name: 'Jane Doe', number: '+1 650 555 0100', queue: 'Support', media: 'voice' } });
    demo.phone.answer();
    expect(view(main, 'demo')).toMatchObject({ state: 'on-call' });
    expect(view(main, 'demo').caller).toBeUndefined();
  });

  it('cleared when the ring ends unanswered, when it expires, and on logout', () => {
    const main = new ShellMain({ stored });
    // RingCentral: a call rings (line 14) and ends unanswered (line 15: missed).
    main.capture('sales', replayed(RC, 14));
    expect(view(main, 'sales').caller).toEqual({ number: '+14155550123', media: 'voice' });
    main.capture('sales', replayed(RC, 15));
    expect(view(main, 'sales')).toMatchObject({ state: 'available' });
    expect(view(main, 'sales').caller).toBeUndefined();

    // Engage: a task rings and nobody ever says it was taken; after the ring timeout it is gone.
    main.capture('chat', replayed('engage-digital', 3));
    expect(view(main, 'chat')).toMatchObject({ state: 'ringing', caller: { name: 'Jane Doe', queue: 'global' } });
    main.advance(89_000);
    expect(view(main, 'chat').caller).toBeDefined();
    main.advance(2_000);
    expect(view(main, 'chat').state).not.toBe('ringing');
    expect(view(main, 'chat').caller).toBeUndefined();

    // A ring, then the agent's session ends (Engage line 13: smcc:user:disconnected).
    main.capture('chat', replayed('engage-digital', 1));
    expect(view(main, 'chat').caller).toMatchObject({ name: 'Martin Martin' });
    main.capture('chat', replayed('engage-digital', 13));
    expect(view(main, 'chat').caller).toBeUndefined();
  });

  it('two offers at once: the newest is shown; when it is taken, the one still ringing is', () => {
    const main = new ShellMain({ stored });
    main.capture('sales', replayed(RC, 5)); // Jane Doe rings
    main.capture('sales', replayed(RC, 14)); // then +14155550123
    expect(view(main, 'sales').caller).toEqual({ number: '+14155550123', media: 'voice' });
    // Jane Doe is answered (line 9, same call): the other call still rings, and it is shown.
    main.capture('sales', replayed(RC, 9));
    expect(view(main, 'sales')).toMatchObject({ state: 'ringing', caller: { number: '+14155550123' } });
    // The agent picks the Engage task up (task:selected, a vendor.info about the same task).
    main.capture('chat', replayed('engage-digital', 3)).capture('chat', replayed('engage-digital', 4));
    expect(view(main, 'chat').caller).toBeUndefined();
  });

  it('a ring repeated for a call in progress does not make it the caller shown (presence does not ring for it either)', () => {
    const main = new ShellMain({ stored });
    main.capture('sales', replayed(RC, 5)).capture('sales', replayed(RC, 9)); // Jane Doe rings, answered
    main.advance(10_000); // past the pipeline's 5 s dedupe window
    main.capture('sales', replayed(RC, 5)); // the widget repeats the ring of the call in progress
    expect(view(main, 'sales').state).toBe('on-call');
    expect(view(main, 'sales').caller).toBeUndefined();
    // A second call rings, then the widget repeats the first one's ring again: the second is shown.
    main.capture('sales', replayed(RC, 14));
    main.advance(10_000);
    main.capture('sales', replayed(RC, 5));
    expect(view(main, 'sales')).toMatchObject({ state: 'ringing', caller: { number: '+14155550123' } });
    expect(view(main, 'sales').caller?.name).toBeUndefined();
  });

  it('a repeated ring for the same call is one offer, not a second caller', () => {
    const main = new ShellMain({ stored });
    main.capture('sales', replayed(RC, 5)).capture('sales', replayed(RC, 6)); // the widget repeats its ring
    expect(view(main, 'sales').caller).toEqual({ name: 'Jane Doe', number: '+16505550100', queue: 'Sales', media: 'voice' });
    main.capture('sales', replayed(RC, 9)); // answered
    expect(view(main, 'sales').caller).toBeUndefined();
  });

  it('the schema keeps callers to ringing profiles', () => {
    const main = new ShellMain({ stored });
    main.capture('sales', replayed(RC, 5));
    const ringing = view(main, 'sales');
    expect(ProfileViewSchema.safeParse(ringing).success).toBe(true);
    const result = ProfileViewSchema.safeParse({ ...ringing, state: 'on-call' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['caller'], message: 'a caller is shown only while the profile rings' })]);
  });
});
