import { describe, expect, it } from 'vitest';
import { layoutWindow, railWidthFor } from '../../../src/main/window/layout';

const CHROME = { railWidth: 72, headerHeight: 48 };

describe('layoutWindow', () => {
  it('gives the shell the whole content area and the vendor the rest', () => {
    expect(layoutWindow({ width: 1280, height: 800 }, CHROME)).toEqual({
      shell: { x: 0, y: 0, width: 1280, height: 800 },
      vendor: { x: 72, y: 48, width: 1208, height: 752 },
    });
  });

  it('while the ring banner shows, the vendor view starts below it (the banner is never covered)', () => {
    expect(layoutWindow({ width: 1280, height: 800 }, { ...CHROME, bannerHeight: 44 }).vendor).toEqual({ x: 72, y: 92, width: 1208, height: 708 });
    expect(layoutWindow({ width: 1280, height: 60 }, { ...CHROME, bannerHeight: 44 }).vendor).toEqual({ x: 72, y: 60, width: 1208, height: 0 });
  });

  it('rounds fractional sizes down to whole pixels', () => {
    const { shell, vendor } = layoutWindow({ width: 1001.7, height: 601.5 }, { railWidth: 72.6, headerHeight: 48.2 });
    expect(shell).toEqual({ x: 0, y: 0, width: 1001, height: 601 });
    expect(vendor).toEqual({ x: 72, y: 48, width: 929, height: 553 });
    for (const n of [...Object.values(shell), ...Object.values(vendor)]) expect(Number.isInteger(n)).toBe(true);
  });

  it('squeezes the vendor view to nothing in a window smaller than the chrome, never negative', () => {
    expect(layoutWindow({ width: 50, height: 30 }, CHROME)).toEqual({
      shell: { x: 0, y: 0, width: 50, height: 30 },
      vendor: { x: 50, y: 30, width: 0, height: 0 },
    });
    expect(layoutWindow({ width: 100, height: 30 }, CHROME).vendor).toEqual({ x: 72, y: 30, width: 28, height: 0 });
  });

  it('handles an empty window and nonsense numbers', () => {
    expect(layoutWindow({ width: 0, height: 0 }, CHROME)).toEqual({
      shell: { x: 0, y: 0, width: 0, height: 0 },
      vendor: { x: 0, y: 0, width: 0, height: 0 },
    });
    expect(layoutWindow({ width: -10, height: Number.NaN }, CHROME).shell).toEqual({ x: 0, y: 0, width: 0, height: 0 });
    expect(layoutWindow({ width: 800, height: 600 }, { railWidth: -5, headerHeight: Number.POSITIVE_INFINITY }).vendor).toEqual({
      x: 0,
      y: 0,
      width: 800,
      height: 600,
    });
  });

  it('works without chrome', () => {
    expect(layoutWindow({ width: 3, height: 1 }, { railWidth: 0, headerHeight: 0 }).vendor).toEqual({ x: 0, y: 0, width: 3, height: 1 });
  });

  it('keeps the vendor view inside the content area for every small size', () => {
    for (let w = 0; w < 120; w += 7) {
      for (let h = 0; h < 90; h += 5) {
        const { vendor } = layoutWindow({ width: w + 0.5, height: h + 0.5 }, CHROME);
        expect(vendor.width).toBeGreaterThanOrEqual(0);
        expect(vendor.height).toBeGreaterThanOrEqual(0);
        expect(vendor.x + vendor.width).toBeLessThanOrEqual(w);
        expect(vendor.y + vendor.height).toBeLessThanOrEqual(h);
      }
    }
  });
});

describe('railWidthFor', () => {
  const SIZES = { railWidth: 280, compactRailWidth: 72, compactBelowWidth: 1000 };
  it('gives the icons-only rail below the breakpoint, as the shell UI’s media query does (compact.css: max-width 999.98px)', () => {
    expect(railWidthFor(900, SIZES)).toBe(72);
    expect(railWidthFor(999.5, SIZES)).toBe(72);
    expect(railWidthFor(1000, SIZES)).toBe(280);
    expect(railWidthFor(1920, SIZES)).toBe(280);
  });
});
