import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAY_ART, encodePng, renderTrayIcon } from '../../../src/cli/make-tray-icons';
import { TRAY_STATES, type TrayState } from '../../../src/shared/contract/effects';
import { allTrayIconFiles, trayIconFileName } from '../../../src/shared/tray/icon-files';
import { decodePng, readIhdr } from './png-reader';

const DIR = join(import.meta.dirname, '..', '..', '..', 'resources', 'tray');
const files = allTrayIconFiles();
const load = (file: string) => decodePng(readFileSync(join(DIR, file)));

/** The most common fully opaque colour: the badge colour. */
function dominantColour(pixels: Uint8Array): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] !== 255) continue;
    const key = Array.from(pixels.subarray(i, i + 3), (v) => v.toString(16).padStart(2, '0')).join('');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
}

describe('tray icons in resources/tray', () => {
  it('has every state at 16, 24 and 32 px, @2x, colour and template: 96 files', () => {
    expect(files).toHaveLength(TRAY_STATES.length * 3 * 2 * 2);
    expect(files.filter((f) => !existsSync(join(DIR, f.file))).map((f) => f.file)).toEqual([]);
    expect(trayIconFileName('on-call', 16, true, 2)).toBe('on-call-16Template@2x.png');
  });

  it('each file is an 8-bit RGBA PNG of its size (IHDR)', () => {
    for (const f of files) {
      const ihdr = readIhdr(readFileSync(join(DIR, f.file)));
      expect(ihdr, f.file).toEqual({ width: f.pixels, height: f.pixels, bitDepth: 8, colorType: 6 });
      expect(f.pixels).toBe(f.size * f.scale);
    }
  });

  it('matches what the generator draws now (run `npm run icons` after changing a shape)', () => {
    for (const f of files) {
      const stored = load(f.file).pixels;
      expect(Buffer.from(stored).equals(Buffer.from(renderTrayIcon(f.state, f.pixels, f.template))), f.file).toBe(true);
    }
  });

  it('gives each colour state its own badge colour', () => {
    const colours = new Map<TrayState, string>(TRAY_STATES.map((s) => [s, dominantColour(load(trayIconFileName(s, 32, false, 2)).pixels)]));
    expect(new Set(colours.values()).size).toBe(TRAY_STATES.length);
    for (const s of TRAY_STATES) expect(colours.get(s)).toBe(TRAY_ART[s].color.map((v) => v.toString(16).padStart(2, '0')).join(''));
  });

  it('templates are black on transparent, with a different shape per state', () => {
    const masks = TRAY_STATES.map((s) => {
      const { pixels } = load(trayIconFileName(s, 16, true));
      for (let i = 0; i < pixels.length; i += 4) expect([pixels[i], pixels[i + 1], pixels[i + 2]]).toEqual([0, 0, 0]);
      expect(pixels.some((v, i) => i % 4 === 3 && v === 0)).toBe(true);
      return pixels.filter((_, i) => i % 4 === 3);
    });
    // At the smallest size, every pair differs clearly in at least 8 of 256 pixels.
    for (let a = 0; a < masks.length; a++) {
      for (let b = a + 1; b < masks.length; b++) {
        const differing = masks[a]!.filter((v, i) => Math.abs(v - masks[b]![i]!) > 96).length;
        expect(differing, `${TRAY_STATES[a]} vs ${TRAY_STATES[b]}`).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('the PNG reader round-trips the encoder (sanity check for the checks above)', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) & 255);
    expect(decodePng(encodePng(3, 2, rgba))).toMatchObject({ width: 3, height: 2, pixels: rgba });
  });
});
