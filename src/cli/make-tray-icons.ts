/**
 * Draws the tray icons into resources/tray/ (`npm run icons`). Pure Node, no image library: each
 * icon is a round badge in the state's colour with a white glyph, drawn by testing 8×8 sample
 * points per pixel against simple shapes (anti-aliasing by coverage), then written as an RGBA PNG
 * with node:zlib. The glyph differs per state, so colour-blind agents and macOS template icons
 * (black, shape only; the glyph is cut out of the badge) still tell the states apart.
 *
 *   available  green, check mark          ringing  orange, bell
 *   on-call    blue, phone handset        busy     red, solid badge (nothing cut out)
 *   wrap-up    amber, hourglass           away     slate grey, clock hands
 *   dnd        dark red, horizontal bar   offline  grey hollow ring
 *
 * Run it again after changing a shape; the unit test re-renders every icon and compares pixels.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import type { TrayState } from '../shared/contract/effects';
import { allTrayIconFiles } from '../shared/tray/icon-files';

/** A shape is "is this point (unit square, y down) inside?". */
type Shape = (x: number, y: number) => boolean;
type Rgb = readonly [number, number, number];

const disc = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx: number, cy: number, r0: number, r1: number): Shape => (x, y) => {
  const d = (x - cx) ** 2 + (y - cy) ** 2;
  return d >= r0 * r0 && d <= r1 * r1;
};
/** All points within `hw` of the segment a–b: a stroke with round caps. */
const capsule = (ax: number, ay: number, bx: number, by: number, hw: number): Shape => (x, y) => {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= hw * hw;
};
/** Even-odd point-in-polygon test. */
const polygon = (points: readonly (readonly [number, number])[]): Shape => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
/** Stroke along an arc around (cx, cy), angles in degrees (0 = right, 90 = down). */
const arc = (cx: number, cy: number, r: number, from: number, to: number, hw: number): Shape => {
  const [a0, a1] = [(from * Math.PI) / 180, (to * Math.PI) / 180];
  const cap0 = disc(cx + r * Math.cos(a0), cy + r * Math.sin(a0), hw);
  const cap1 = disc(cx + r * Math.cos(a1), cy + r * Math.sin(a1), hw);
  return (x, y) => {
    let a = Math.atan2(y - cy, x - cx);
    while (a < a0) a += 2 * Math.PI;
    const d = Math.hypot(x - cx, y - cy);
    return (a <= a1 && Math.abs(d - r) <= hw) || cap0(x, y) || cap1(x, y);
  };
};
const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const nothing: Shape = () => false;

interface IconArt {
  color: Rgb;
  badge: Shape;
  /** Drawn white on the badge; cut out of it in the template. */
  glyph: Shape;
}

const BADGE = disc(0.5, 0.5, 0.47);
const hex = (h: number): Rgb => [(h >> 16) & 255, (h >> 8) & 255, h & 255];

export const TRAY_ART: Readonly<Record<TrayState, IconArt>> = {
  available: { color: hex(0x1e9e4a), badge: BADGE, glyph: union(capsule(0.27, 0.52, 0.43, 0.68, 0.075), capsule(0.43, 0.68, 0.73, 0.35, 0.075)) },
  ringing: {
    color: hex(0xf76b15),
    badge: BADGE,
    glyph: union(
      disc(0.5, 0.44, 0.175),
      polygon([[0.325, 0.44], [0.675, 0.44], [0.75, 0.66], [0.25, 0.66]]),
      capsule(0.24, 0.66, 0.76, 0.66, 0.04),
      disc(0.5, 0.76, 0.075),
      disc(0.5, 0.25, 0.055),
    ),
  },
  'on-call': {
    color: hex(0x2563eb),
    badge: BADGE,
    // Handle: an arc bowing to the lower left; ear and mouth pieces: short strokes at its ends.
    glyph: union(arc(0.66, 0.34, 0.3, 95, 175, 0.075), capsule(0.27, 0.3, 0.4, 0.24, 0.095), capsule(0.76, 0.6, 0.7, 0.73, 0.095)),
  },
  busy: { color: hex(0xdc2626), badge: BADGE, glyph: nothing },
  'wrap-up': {
    color: hex(0xe8a00c),
    badge: BADGE,
    glyph: union(
      polygon([[0.32, 0.27], [0.68, 0.27], [0.5, 0.5]]),
      polygon([[0.32, 0.73], [0.68, 0.73], [0.5, 0.5]]),
      capsule(0.3, 0.25, 0.7, 0.25, 0.05),
      capsule(0.3, 0.75, 0.7, 0.75, 0.05),
    ),
  },
  away: { color: hex(0x5b6b82), badge: BADGE, glyph: union(capsule(0.5, 0.52, 0.5, 0.24, 0.075), capsule(0.5, 0.52, 0.71, 0.62, 0.075)) },
  dnd: { color: hex(0xb4161b), badge: BADGE, glyph: capsule(0.26, 0.5, 0.74, 0.5, 0.095) },
  offline: { color: hex(0x8e939b), badge: ring(0.5, 0.5, 0.3, 0.45), glyph: nothing },
};

const SAMPLES = 8;

/** RGBA pixels (straight alpha) of one icon. */
export function renderTrayIcon(state: TrayState, pixels: number, template: boolean): Uint8Array {
  const { color, badge, glyph } = TRAY_ART[state];
  const out = new Uint8Array(pixels * pixels * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < pixels; py++) {
    for (let px = 0; px < pixels; px++) {
      let onBadge = 0;
      let onGlyph = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / pixels;
          const y = (py + (sy + 0.5) / SAMPLES) / pixels;
          if (!badge(x, y)) continue;
          onBadge++;
          if (glyph(x, y)) onGlyph++;
        }
      }
      const o = (py * pixels + px) * 4;
      if (template) {
        out[o + 3] = Math.round((255 * (onBadge - onGlyph)) / n);
      } else if (onBadge > 0) {
        // Badge colour and white mixed by how much of the covered area is glyph.
        const g = onGlyph / onBadge;
        for (let c = 0; c < 3; c++) out[o + c] = Math.round(color[c]! * (1 - g) + 255 * g);
        out[o + 3] = Math.round((255 * onBadge) / n);
      }
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** 8-bit RGBA, non-interlaced, every row with filter 0 (the icons are tiny; size does not matter). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}

export function writeTrayIcons(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const files = allTrayIconFiles();
  for (const f of files) writeFileSync(join(dir, f.file), encodePng(f.pixels, f.pixels, renderTrayIcon(f.state, f.pixels, f.template)));
  return files.length;
}

// Only when run as a script: the unit test imports the renderer without writing anything.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'tray');
  console.log(`wrote ${writeTrayIcons(dir)} icons to ${dir}`);
}
