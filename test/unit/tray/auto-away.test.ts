import { describe, expect, it } from 'vitest';
import { AutoAway, type AutoAwayProfile, type AutoAwaySettings } from '../../../src/shared/tray/auto-away';

const ON: AutoAwaySettings = { enabled: true, idleMinutes: 10, onLock: true };
const OFF: AutoAwaySettings = { ...ON, enabled: false };

// ExpertFlow is the vendor whose adapter can set 'away' (available/away/offline); RingCentral cannot.
const ef = (profile: string, agentState: AutoAwayProfile['agentState'], state: AutoAwayProfile['state'] = agentState ?? 'offline'): AutoAwayProfile => ({
  profile,
  vendor: 'expertflow',
  state,
  agentState,
});
const rc: AutoAwayProfile = { profile: 'rc', vendor: 'ringcentral-embeddable', state: 'available', agentState: 'available' };

function machine(profiles: AutoAwayProfile[], settings = ON): AutoAway {
  const m = new AutoAway(settings);
  m.presence(profiles);
  return m;
}

describe('AutoAway', () => {
  it('on lock, sets only profiles whose vendor supports away', () => {
    const m = machine([ef('ef1', 'available'), rc, { ...rc, profile: 'engage', vendor: 'engage-digital', agentState: null }]);
    expect(m.lock()).toEqual([{ profile: 'ef1', state: 'away' }]);
    expect(m.isAway).toBe(true);
  });

  it('on unlock, restores each profile to its previous state', () => {
    const m = machine([ef('a', 'available')]);
    m.lock();
    m.presence([ef('a', 'away')]);
    expect(m.unlock()).toEqual([{ profile: 'a', state: 'available' }]);
    expect(m.isAway).toBe(false);
  });

  it('leaves a profile with a ringing or active call alone, and does not restore it', () => {
    const m = machine([ef('ringing', 'available', 'ringing'), ef('talking', 'available', 'on-call'), ef('idle', 'available')]);
    expect(m.lock()).toEqual([{ profile: 'idle', state: 'away' }]);
    m.presence([ef('ringing', 'available', 'ringing'), ef('talking', 'available', 'on-call'), ef('idle', 'away')]);
    expect(m.unlock()).toEqual([{ profile: 'idle', state: 'available' }]);
  });

  it('sets a profile away once its call ends while the agent is still away', () => {
    const m = machine([ef('a', 'available', 'on-call')]);
    expect(m.lock()).toEqual([]);
    expect(m.presence([ef('a', 'available', 'on-call')])).toEqual([]);
    expect(m.presence([ef('a', 'available')])).toEqual([{ profile: 'a', state: 'away' }]);
    m.presence([ef('a', 'away')]);
    expect(m.unlock()).toEqual([{ profile: 'a', state: 'available' }]);
  });

  it('does not touch profiles already away, offline, or with no reported state', () => {
    const m = machine([ef('away', 'away'), ef('off', 'offline'), ef('unknown', null, 'available')]);
    expect(m.lock()).toEqual([]);
    expect(m.unlock()).toEqual([]);
  });

  it('goes away after the idle threshold and comes back on activity', () => {
    const m = machine([ef('a', 'available')]);
    expect(m.idle(599)).toEqual([]);
    expect(m.idle(600)).toEqual([{ profile: 'a', state: 'away' }]);
    expect(m.idle(630)).toEqual([]);
    m.presence([ef('a', 'away')]);
    expect(m.idle(2)).toEqual([{ profile: 'a', state: 'available' }]);
  });

  it('does nothing when disabled', () => {
    const m = machine([ef('a', 'available')], OFF);
    expect(m.lock()).toEqual([]);
    expect(m.idle(24 * 3600)).toEqual([]);
    expect(m.unlock()).toEqual([]);
    expect(m.isAway).toBe(false);
  });

  it('ignores the lock when onLock is off, but still counts idle time', () => {
    const m = machine([ef('a', 'available')], { ...ON, onLock: false });
    expect(m.lock()).toEqual([]);
    expect(m.idle(600)).toEqual([{ profile: 'a', state: 'away' }]);
  });

  it('does not overwrite a state the agent changed while away', () => {
    const m = machine([ef('a', 'available'), ef('b', 'available')]);
    m.lock();
    m.presence([ef('a', 'away'), ef('b', 'away')]);
    // Someone sets b to offline in the vendor's own window (or a supervisor does).
    m.presence([ef('a', 'away'), ef('b', 'offline')]);
    expect(m.unlock()).toEqual([{ profile: 'a', state: 'available' }]);
  });

  it('undoes an away the vendor had not confirmed yet, but not a state changed meanwhile', () => {
    const m = machine([ef('a', 'available'), ef('b', 'available')]);
    m.lock();
    // Neither confirmed 'away'; b has since been changed to offline by someone else.
    m.presence([ef('a', 'available'), ef('b', 'offline')]);
    expect(m.unlock()).toEqual([{ profile: 'a', state: 'available' }]);
  });

  it('unlocking counts as activity even if the last idle poll was long', () => {
    const m = machine([ef('a', 'available')]);
    m.lock();
    m.idle(3600);
    m.presence([ef('a', 'away')]);
    expect(m.unlock()).toEqual([{ profile: 'a', state: 'available' }]);
  });

  it('stays away while either trigger holds', () => {
    const m = machine([ef('a', 'available')]);
    m.idle(700);
    expect(m.lock()).toEqual([]);
    m.presence([ef('a', 'away')]);
    expect(m.idle(800)).toEqual([]);
    expect(m.unlock()).toEqual([{ profile: 'a', state: 'available' }]);
  });

  it('turning the setting off while away restores at once', () => {
    const m = machine([ef('a', 'available')]);
    m.lock();
    m.presence([ef('a', 'away')]);
    expect(m.setSettings(OFF)).toEqual([{ profile: 'a', state: 'available' }]);
    expect(m.unlock()).toEqual([]);
  });

  it('forgets a profile that was removed', () => {
    const m = machine([ef('a', 'available')]);
    m.lock();
    m.presence([]);
    expect(m.unlock()).toEqual([]);
  });

  it('restores the exact previous state (a vendor supporting several)', () => {
    const m = new AutoAway(ON, () => ['available', 'busy', 'away']);
    m.presence([{ ...rc, agentState: 'busy', state: 'busy' }]);
    expect(m.lock()).toEqual([{ profile: 'rc', state: 'away' }]);
    m.presence([{ ...rc, agentState: 'away', state: 'away' }]);
    expect(m.unlock()).toEqual([{ profile: 'rc', state: 'busy' }]);
  });
});
