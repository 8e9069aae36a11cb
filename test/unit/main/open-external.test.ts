import { describe, expect, it } from 'vitest';
import { createExternalOpener } from '../../../src/main/app/open-external';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('links handed to the OS', () => {
  it('a rejection is logged and told with the origin and path only, and never escapes', async () => {
    const logged: unknown[] = [];
    const told: string[] = [];
    const open = createExternalOpener({ open: () => Promise.reject(new Error('Failed to open path')), log: (m, d) => logged.push([m, d]), tell: (m) => told.push(m) });
    open('https://help.example/guide?customer=+15551234567#x');
    await flush();
    expect(logged).toEqual([['the OS did not open a link', { url: 'https://help.example/guide', reason: 'Failed to open path' }]]);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('https://help.example/guide (Failed to open path)');
    expect(told[0]).not.toContain('15551234567');
  });

  it('a synchronous throw is handled the same way; a success says nothing', async () => {
    const told: string[] = [];
    const throwing = createExternalOpener({ open: () => { throw new TypeError('bad'); }, log: () => undefined, tell: (m) => told.push(m) });
    throwing('mailto:a@b.example');
    const fine = createExternalOpener({ open: () => Promise.resolve(), log: () => undefined, tell: (m) => told.push(m) });
    fine('https://ok.example/');
    await flush();
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('(bad)');
  });
});
