/** Minimal PNG reader for the icon tests: 8-bit RGBA, non-interlaced, any of the five row filters. */
import { inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  colorType: number;
  bitDepth: number;
  /** RGBA, straight alpha; only filled for 8-bit RGBA images. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readIhdr(bytes: Buffer): { width: number; height: number; bitDepth: number; colorType: number } {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG (signature)');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('first chunk is not IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colorType: bytes[25]! };
}

const paeth = (a: number, b: number, c: number): number => {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

export function decodePng(bytes: Buffer): DecodedPng {
  const header = readIhdr(bytes);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const { width, height } = header;
  const pixels = new Uint8Array(width * height * 4);
  if (header.colorType !== 6 || header.bitDepth !== 8) return { ...header, pixels };
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? pixels[y * stride + x - 4]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4]! : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      pixels[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { ...header, pixels };
}
