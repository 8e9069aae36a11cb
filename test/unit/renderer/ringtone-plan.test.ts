import { describe, expect, it } from 'vitest';
import { ringPlan } from '../../../src/renderer/shell/logic/ringtone-plan';

const HEADSET = 'a'.repeat(64);
const SPEAKERS = 'b'.repeat(64);

describe('where the ring plays', () => {
  it('on the chosen device, and on the second one too', () => {
    expect(ringPlan({ device: HEADSET, secondDevice: SPEAKERS, volume: 80 }, [HEADSET, SPEAKERS])).toEqual({ sinks: [HEADSET, SPEAKERS], volume: 0.8 });
  });
  it('an unplugged headset rings on the default output; an unplugged second device is skipped', () => {
    expect(ringPlan({ device: HEADSET, secondDevice: SPEAKERS, volume: 50 }, [])).toEqual({ sinks: ['default'], volume: 0.5 });
  });
  it('the same output twice rings once', () => {
    expect(ringPlan({ device: HEADSET, secondDevice: HEADSET, volume: 100 }, [HEADSET]).sinks).toEqual([HEADSET]);
  });
  it('volume 0 plays nothing', () => {
    expect(ringPlan({ device: 'default', secondDevice: SPEAKERS, volume: 0 }, [SPEAKERS]).sinks).toEqual([]);
  });
  it('before the device list is known, the chosen ids are tried', () => {
    expect(ringPlan({ device: HEADSET, secondDevice: null, volume: 80 }, null).sinks).toEqual([HEADSET]);
  });
});
