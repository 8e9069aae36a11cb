import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { bufferEarlyEvents, type SecondLaunch } from '../../../src/main/app/early-events';
import { parseSecondLaunch } from '../../../src/main/app/link-wiring';

function fakeApp() {
  const app = new EventEmitter();
  return { app, on: app.on.bind(app) as never };
}

describe('events that arrive before start-app listens', () => {
  it('a second launch during start-up is kept, with its working directory, and delivered once start-app takes it', () => {
    const { app, on } = fakeApp();
    const early = bufferEarlyEvents({ on }, []);
    app.emit('second-instance', {}, ['switchboard', 'tel:+1555'], '/home/agent/Desktop', null);
    const seen: SecondLaunch[] = [];
    early.secondLaunches.take((l) => seen.push(l));
    expect(seen).toEqual([{ argv: ['switchboard', 'tel:+1555'], workingDirectory: '/home/agent/Desktop' }]);
    app.emit('second-instance', {}, ['switchboard'], '/tmp', null);
    expect(seen).toHaveLength(2);
  });

  it('links from this launch and macOS open-url come in order, before and after start-app takes them', () => {
    const { app, on } = fakeApp();
    const early = bufferEarlyEvents({ on }, ['tel:+1']);
    let prevented = false;
    app.emit('open-url', { preventDefault: () => (prevented = true) }, 'tel:+2');
    const links: string[] = [];
    early.links.take((l) => links.push(l));
    app.emit('open-url', { preventDefault() {} }, 'tel:+3');
    expect(links).toEqual(['tel:+1', 'tel:+2', 'tel:+3']);
    expect(prevented).toBe(true);
  });

  it("a second launch's relative paths are read in its own working directory, not this process's", () => {
    const parsed = parseSecondLaunch({ argv: ['/opt/Switchboard/switchboard', '--log-dir', 'logs', 'tel:+1555'], workingDirectory: '/home/agent' }, { defaultApp: false, version: '1.0.0' });
    expect('options' in parsed && parsed.options).toMatchObject({ logDir: '/home/agent/logs', links: ['tel:+1555'] });
  });
});
