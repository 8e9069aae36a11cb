/**
 * Where the two kinds of view sit in the main window. The shell UI view covers the whole content
 * area and draws the profile rail (left) and header (top) itself; the selected vendor view is laid
 * over the remaining rectangle — below the ring banner while one shows (a ring the OS did not
 * show, notifications/ring-fallback.ts), so no vendor page covers it. Pure, so odd and tiny window
 * sizes are tested without a window.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface LayoutOptions {
  railWidth: number;
  headerHeight: number;
  /** The ring banner across the top of the content area; 0 or absent when none shows. */
  bannerHeight?: number;
}

export interface WindowLayout {
  shell: Rect;
  vendor: Rect;
}

export function layoutWindow(content: Size, opts: LayoutOptions): WindowLayout {
  const width = wholePixels(content.width);
  const height = wholePixels(content.height);
  // The chrome can never claim more than the window has, so the vendor rect never goes negative
  // or starts outside the window when it is squeezed to nothing.
  const rail = Math.min(wholePixels(opts.railWidth), width);
  const header = Math.min(wholePixels(opts.headerHeight) + wholePixels(opts.bannerHeight ?? 0), height);
  return {
    shell: { x: 0, y: 0, width, height },
    vendor: { x: rail, y: header, width: width - rail, height: height - header },
  };
}

export interface RailSizes {
  railWidth: number;
  compactRailWidth: number;
  /** Content narrower than this (CSS px of the shell view) gets the icons-only rail. */
  compactBelowWidth: number;
}

/** The rail's width at this content width: the same breakpoint as the shell UI's media query. */
export function railWidthFor(contentWidth: number, sizes: RailSizes): number {
  return contentWidth < sizes.compactBelowWidth ? sizes.compactRailWidth : sizes.railWidth;
}

/**
 * Electron's setBounds takes integers. Rounding down keeps the vendor view inside the content
 * area; NaN, infinities and negatives become 0.
 */
function wholePixels(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}
