import { describe, expect, it } from 'vitest';
import { ProfileViewSchema, type ProfileView } from '../../../src/shared/ipc/shell-protocol';
import { callerName, headerCallerText, railCallerText, ringingAnnouncement } from '../../../src/renderer/shell/logic/caller';

const ringing = (caller?: ProfileView['caller'], name = 'Demo softphone'): ProfileView =>
  ProfileViewSchema.parse({ id: 'demo', name, vendor: 'demo', vendorLabel: 'Demo softphone', state: 'ringing', agentState: 'available', health: 'ok', settableStates: [], ...(caller ? { caller } : {}) });

describe('the ringing caller in words', () => {
  it('names the caller by name and number, whichever the vendor gave', () => {
    expect(callerName({ name: 'Jane Doe', number: '+1 650 555 0100', queue: 'Support', media: 'voice' })).toBe('Jane Doe +1 650 555 0100');
    expect(callerName({ number: '+14155550123' })).toBe('+14155550123');
    expect(callerName({ name: 'Martin Martin', queue: 'global' })).toBe('Martin Martin');
    // Vendors that put the number in the name field too are not repeated.
    expect(callerName({ name: '+15550100', number: '+15550100' })).toBe('+15550100');
    expect(callerName(undefined)).toBe('');
    expect(railCallerText({ queue: 'Billing' })).toBe('Billing queue');
    expect(railCallerText({ name: 'Jane Doe', queue: 'Billing' })).toBe('Jane Doe');
  });

  it('the header line adds the queue and the profile', () => {
    expect(headerCallerText(ringing({ name: 'Jane Doe', number: '+1 650 555 0100', queue: 'Support', media: 'voice' }))).toBe('Jane Doe +1 650 555 0100 · Support — Demo softphone');
    expect(headerCallerText(ringing({ queue: 'global', media: 'task' }, 'Chat desk'))).toBe('Incoming task · global — Chat desk');
    expect(headerCallerText(ringing(undefined, 'Sales US'))).toBe('Incoming interaction — Sales US');
  });

  it('announces who calls, on which profile, by the right noun', () => {
    expect(ringingAnnouncement(ringing({ name: 'Jane Doe', number: '+1 650 555 0100', queue: 'Support', media: 'voice' }))).toBe('Incoming call from Jane Doe on Demo softphone');
    expect(ringingAnnouncement(ringing({ number: '+14155550123', media: 'voice' }, 'Sales US'))).toBe('Incoming call from +14155550123 on Sales US');
    expect(ringingAnnouncement(ringing({ name: 'Jane Doe', queue: 'global', media: 'task' }, 'Chat desk'))).toBe('Incoming task from Jane Doe on Chat desk');
    expect(ringingAnnouncement(ringing({ queue: 'Web Support', media: 'chat' }, 'Support EU'))).toBe('Incoming chat on Support EU, Web Support queue');
    expect(ringingAnnouncement(ringing(undefined, 'Sales US'))).toBe('Sales US is ringing');
  });
});
