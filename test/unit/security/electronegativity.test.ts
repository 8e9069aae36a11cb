import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinnedElectronVersion, scan } from '../../support/electronegativity-gate';

const ROOT = join(import.meta.dirname, '../../..');

describe('Electronegativity security scan (pinned Electron version)', () => {
  it('src has no HIGH finding and no file it could not parse', async () => {
    const result = await scan(join(ROOT, 'src'));
    const show = (list: unknown[]) => JSON.stringify(list, null, 2);
    expect(result.unparsable, show(result.unparsable)).toEqual([]);
    expect(result.high, show(result.high)).toEqual([]);
    expect(pinnedElectronVersion()).toMatch(/^45\.\d+\.\d+$/);
  }, 120_000);

  it('the gate fails on insecure code: HIGH findings are reported', async () => {
    const result = await scan(join(ROOT, 'test/fixtures/electronegativity/insecure'));
    expect(result.high.map((f) => f.id)).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
  }, 120_000);

  it('the gate fails on files the scanner cannot parse (its CLI would skip them silently)', async () => {
    const result = await scan(join(ROOT, 'test/fixtures/electronegativity/unparsable'));
    expect(result.unparsable.map((e) => e.file)).toEqual([expect.stringContaining('broken.js')]);
  }, 120_000);
});
