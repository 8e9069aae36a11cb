import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { CrashBackoff, UnresponsiveWatch } from '../../../src/main/runtime/crash-backoff';
import {
  watchViewHealth,
  type HealthWatchedContents,
  type ReportedHealth,
  type ViewError,
  type ViewHealthLogEntry,
  type ViewTimers,
} from '../../../src/main/runtime/view-resilience';
import { FakeTimers } from '../../support/fake-timers';

// Compile-time proof that the real objects fit: a WebContents, and Node's own timers.
const _webContentsFits = (contents: WebContents): HealthWatchedContents => contents;
const _nodeTimersFit: ViewTimers<NodeJS.Timeout> = { setTimeout, clearTimeout };


type Listener = (...args: never[]) => void;

class FakeContents implements HealthWatchedContents {
  url = 'https://apps.ringcentral.com/app.html';
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  getURL(): string {
    return this.url;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }

  crash(reason = 'crashed'): void {
    this.emit('render-process-gone', {}, { reason, exitCode: 11 });
  }

  failLoad(code: number, url: string, isMainFrame = true): void {
    this.emit('did-fail-load', {}, code, 'ERR', url, isMainFrame);
  }
}

function setup(opts: { backoff?: CrashBackoff; graceMs?: number } = {}) {
  const clock = new FakeTimers();
  const contents = new FakeContents();
  const reloads: number[] = [];
  const errors: ViewError[] = [];
  const states: [ReportedHealth, string][] = [];
  const logs: ViewHealthLogEntry[] = [];
  const crashes: number[] = [];
  const watch = watchViewHealth(contents, {
    now: () => clock.time,
    timers: clock,
    reload: () => reloads.push(clock.time),
    // As in Electron, the renderer's end is reported afterwards ('killed', docs/api/web-contents.md).
    crashRenderer: () => {
      crashes.push(clock.time);
      clock.setTimeout(() => contents.crash('killed'), 50);
    },
    showError: (e) => errors.push(e),
    onState: (state, detail) => states.push([state, detail]),
    log: (entry) => logs.push(entry),
    ...(opts.backoff ? { backoff: opts.backoff } : {}),
    ...(opts.graceMs ? { unresponsive: new UnresponsiveWatch({ graceMs: opts.graceMs }) } : {}),
  });
  return { clock, contents, reloads, errors, states, logs, watch, crashes };
}

describe('watchViewHealth: crashes', () => {
  it('reloads after the backoff delay and reports recovering', () => {
    const { clock, contents, reloads, states, watch } = setup();
    contents.crash('oom');
    expect(watch.state).toBe('recovering');
    expect(states).toEqual([['recovering', 'renderer oom (exit code 11); reloading in 1 s']]);
    clock.advance(999);
    expect(reloads).toEqual([]);
    clock.advance(1);
    expect(reloads).toEqual([1000]);
  });

  it('ignores a clean exit', () => {
    const { clock, contents, reloads, states, logs } = setup();
    contents.crash('clean-exit');
    clock.advance(60_000);
    expect([reloads, states, logs]).toEqual([[], [], []]);
  });

  it('backs off exponentially across repeated crashes', () => {
    const { clock, contents, reloads } = setup();
    for (let i = 0; i < 3; i++) {
      contents.crash();
      clock.advance(10_000);
    }
    expect(reloads).toEqual([1000, 10_000 + 2000, 20_000 + 4000]);
  });

  it('gives up after five crashes, shows the error and stops reloading', () => {
    const { clock, contents, reloads, errors, states, watch } = setup();
    for (let i = 0; i < 5; i++) {
      contents.crash();
      clock.advance(20_000);
    }
    expect(reloads).toHaveLength(4);
    expect(watch.state).toBe('failed');
    expect(states.at(-1)?.[0]).toBe('failed');
    expect(errors).toEqual([
      {
        code: 'render-process-gone',
        description: 'the page crashed 5 times within 10 minutes; not reloading it again automatically',
        url: 'https://apps.ringcentral.com/app.html',
      },
    ]);
    contents.crash();
    clock.advance(120_000);
    expect(reloads).toHaveLength(4);
  });

  it('returns to ok once a reload has stayed up for stableMs, and the next delay is short again', () => {
    const { clock, contents, reloads, states, watch } = setup({ backoff: new CrashBackoff({ stableMs: 60_000 }) });
    contents.crash();
    clock.advance(1000);
    contents.crash();
    clock.advance(2000);
    contents.emit('did-finish-load');
    clock.advance(59_999);
    expect(watch.state).toBe('recovering');
    clock.advance(1);
    expect(watch.state).toBe('ok');
    expect(states.at(-1)).toEqual(['ok', 'recovered']);
    contents.crash();
    const before = reloads.length;
    clock.advance(1000);
    expect(reloads).toHaveLength(before + 1);
  });

  it('does not count a crash before the stable period as stable', () => {
    const { clock, contents, watch } = setup({ backoff: new CrashBackoff({ stableMs: 60_000 }) });
    contents.crash();
    clock.advance(1000);
    contents.emit('did-finish-load');
    clock.advance(30_000);
    contents.crash();
    clock.advance(45_000);
    expect(watch.state).toBe('recovering');
  });

  it('a load that was not a recovery reload does not start the stable timer', () => {
    const { clock, contents, states } = setup();
    contents.emit('did-finish-load');
    clock.advance(600_000);
    expect(states).toEqual([['ok', 'loaded']]);
    expect(clock.pending.size).toBe(0);
  });

  it('the rail says ok as soon as a recovery reload has loaded, before the backoff calls it stable', () => {
    const { clock, contents, states, watch } = setup();
    contents.crash();
    clock.advance(1000);
    contents.emit('did-finish-load');
    expect(states.at(-1)).toEqual(['ok', 'reloaded']);
    expect(watch.state, 'the backoff still counts the crash').toBe('recovering');
  });

  it('our error page loading says nothing about the vendor: the rail keeps saying failed', () => {
    const { contents, states } = setup();
    contents.failLoad(-200, 'https://apps.ringcentral.com/app.html');
    contents.emit('did-finish-load'); // the error page
    expect(states).toEqual([['failed', 'ERR (-200)']]);
  });

  it('retry() after giving up resets and reloads at once', () => {
    const { clock, contents, reloads, watch } = setup({ backoff: new CrashBackoff({ maxCrashes: 1 }) });
    contents.crash();
    expect(watch.state).toBe('failed');
    watch.retry();
    expect(watch.state).toBe('ok');
    expect(reloads).toEqual([clock.time]);
  });
});

describe('watchViewHealth: hangs', () => {
  it('reloads a page that stays unresponsive past the grace period', () => {
    const { clock, contents, reloads, logs } = setup({ graceMs: 15_000 });
    contents.emit('unresponsive');
    clock.advance(14_999);
    expect(reloads).toEqual([]);
    clock.advance(1);
    expect(logs.map((l) => l.event)).toEqual(['unresponsive', 'unresponsive']);
    clock.advance(1000);
    expect(reloads).toEqual([16_000]);
  });

  it('does nothing when the page recovers within the grace period', () => {
    const { clock, contents, reloads, logs } = setup({ graceMs: 15_000 });
    contents.emit('unresponsive');
    clock.advance(5000);
    contents.emit('responsive');
    clock.advance(60_000);
    expect(reloads).toEqual([]);
    expect(logs.map((l) => l.event)).toEqual(['unresponsive', 'responsive']);
  });

  it('repeated unresponsive reports during one hang schedule one check', () => {
    const { clock, contents, reloads } = setup({ graceMs: 15_000 });
    contents.emit('unresponsive');
    clock.advance(10_000);
    contents.emit('unresponsive');
    clock.advance(5000);
    clock.advance(1000);
    expect(reloads).toEqual([16_000]);
  });

  it('hang reloads count toward giving up, so a page that hangs on load cannot loop', () => {
    const { clock, contents, reloads, watch, errors } = setup({ graceMs: 1000, backoff: new CrashBackoff({ maxCrashes: 2 }) });
    contents.emit('unresponsive');
    clock.advance(5000);
    contents.emit('unresponsive');
    clock.advance(5000);
    expect(reloads).toHaveLength(1);
    expect(watch.state).toBe('failed');
    expect(errors[0]?.code).toBe('unresponsive');
  });
});

describe('watchViewHealth: hangs nobody sees (liveness)', () => {
  it('a hung page is ended with forcefullyCrashRenderer, then reloaded in a new process, counted once', () => {
    const { clock, reloads, states, logs, watch, crashes } = setup();
    watch.hung(15_000);
    expect(crashes).toEqual([0]);
    expect(states).toEqual([['recovering', 'page not answering for 15 s (not on screen, so Electron did not report it); reloading in 1 s']]);
    clock.advance(1000);
    expect(reloads).toEqual([1000]);
    // The 'killed' that followed our own crash is not a second failure: one reload, one state.
    expect(states).toHaveLength(1);
    expect(logs.map((l) => l.event)).toEqual(['unresponsive', 'render-process-gone', 'reload']);
  });

  it('framed mode: a hung vendor frame is named, and recovered the same way (the host page is ended, then reloaded)', () => {
    const { clock, reloads, states, watch, crashes } = setup();
    watch.hung(15_000, 'vendor frame');
    expect(crashes).toEqual([0]);
    expect(states[0]?.[1]).toMatch(/^vendor frame not answering for 15 s/);
    clock.advance(1000);
    expect(reloads).toEqual([1000]);
  });

  it('a page Electron reported unresponsive is also ended before it is reloaded', () => {
    const { clock, contents, reloads, crashes } = setup({ graceMs: 15_000 });
    contents.emit('unresponsive');
    clock.advance(15_000);
    expect(crashes).toEqual([15_000]);
    clock.advance(1000);
    expect(reloads).toEqual([16_000]);
  });

  it('a second verdict while a reload is pending does nothing', () => {
    const { clock, reloads, watch, crashes } = setup();
    watch.hung(15_000);
    watch.hung(20_000);
    clock.advance(5000);
    expect([crashes, reloads]).toEqual([[0], [1000]]);
  });

  it('a real crash after a recovered hang is counted as a crash again', () => {
    const { clock, contents, states, watch } = setup();
    watch.hung(15_000);
    clock.advance(1000);
    contents.emit('did-finish-load');
    contents.crash('oom');
    expect(states.at(-1)).toEqual(['recovering', 'renderer oom (exit code 11); reloading in 2 s']);
  });

  it("a page's beforeunload (a call is active) cannot stop a recovery load, and stops nothing else", () => {
    const { clock, contents, logs, watch } = setup();
    const ask = () => {
      let prevented = false;
      contents.emit('will-prevent-unload', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    // Not ours: Electron's answer stands (the page stays), and it is logged.
    expect(ask()).toBe(false);
    watch.hung(15_000);
    clock.advance(1000);
    expect(ask()).toBe(true);
    contents.emit('did-finish-load');
    expect(ask()).toBe(false);
    expect(logs.filter((l) => l.event.startsWith('unload')).map((l) => l.event)).toEqual(['unload-refused', 'unload-anyway', 'unload-refused']);
  });
});

describe('watchViewHealth: load failures', () => {
  it('shows the error for a failed top-frame load, and says failed with the reason', () => {
    const { contents, errors, logs, states } = setup();
    contents.failLoad(-200, 'https://apps.ringcentral.com/app.html');
    expect(errors).toEqual([{ code: -200, description: 'ERR', url: 'https://apps.ringcentral.com/app.html' }]);
    expect(logs).toEqual([{ event: 'did-fail-load', state: 'ok', detail: 'page failed to load: ERR (-200)' }]);
    expect(states).toEqual([['failed', 'ERR (-200)']]);
  });

  it('a load that fails for want of a network (VPN not up: -106, -105) is retried with a backoff until it loads', () => {
    const { clock, contents, errors, reloads, states } = setup();
    contents.failLoad(-106, 'https://apps.ringcentral.com/app.html');
    expect(errors).toHaveLength(1);
    expect(states.at(-1)).toEqual(['recovering', 'network unreachable: ERR (-106); trying again in 2 s']);
    clock.advance(2_000);
    expect(reloads).toEqual([2_000]);
    contents.failLoad(-105, 'https://apps.ringcentral.com/app.html');
    expect(states.at(-1)).toEqual(['recovering', 'network unreachable: ERR (-105); trying again in 5 s']);
    clock.advance(5_000);
    expect(reloads).toEqual([2_000, 7_000]);
    contents.emit('did-finish-load');
    expect(states.at(-1)).toEqual(['ok', 'loaded']);
    // The next outage starts again at 2 s.
    contents.failLoad(-106, 'https://apps.ringcentral.com/app.html');
    expect(states.at(-1)?.[1]).toContain('trying again in 2 s');
  });

  it('a machine waking (networkChanged) tries a waiting load at once, and only then', () => {
    const { clock, contents, reloads, watch } = setup();
    watch.networkChanged();
    expect(reloads, 'nothing waits: nothing to do').toEqual([]);
    contents.failLoad(-106, 'https://apps.ringcentral.com/app.html');
    clock.advance(500);
    watch.networkChanged();
    expect(reloads).toEqual([500]);
    clock.advance(10_000);
    expect(reloads, 'the scheduled retry was replaced, not added').toEqual([500]);
  });

  it('framed mode reports its vendor frame failing through loadFailed, with the same retry', () => {
    const { clock, reloads, errors, watch } = setup();
    watch.loadFailed({ code: -102, description: 'ERR_CONNECTION_REFUSED', url: 'https://apps.ringcentral.com/app.html' });
    expect(errors).toHaveLength(1);
    clock.advance(2_000);
    expect(reloads).toEqual([2_000]);
  });

  it('ignores aborted navigations (-3), which our own guards cause', () => {
    const { contents, errors, logs } = setup();
    contents.failLoad(-3, 'https://evil.example/');
    expect([errors, logs]).toEqual([[], []]);
  });

  it('only logs sub-frame failures', () => {
    const { contents, errors, logs } = setup();
    contents.failLoad(-105, 'https://analytics.example/frame', false);
    expect(errors).toEqual([]);
    expect(logs).toHaveLength(1);
  });

  it('does not show the error page for a failing app: page (the error page itself), so it cannot loop', () => {
    const { contents, errors } = setup();
    contents.failLoad(-6, 'app://host/error/rc');
    contents.failLoad(-6, 'not a url');
    expect(errors).toEqual([]);
  });
});

describe('watchViewHealth: dispose', () => {
  it('cancels pending reloads and ignores later events', () => {
    const { clock, contents, reloads, errors, watch } = setup();
    contents.crash();
    watch.dispose();
    expect(clock.pending.size).toBe(0);
    clock.advance(60_000);
    contents.crash();
    contents.failLoad(-106, 'https://apps.ringcentral.com/');
    clock.advance(60_000);
    expect([reloads, errors]).toEqual([[], []]);
  });
});
