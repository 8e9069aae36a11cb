/**
 * nativeImage, for icons read from files: createFromPath returns an empty image when the file is
 * missing or not a PNG/JPEG it can decode (docs/api/native-image.md); the model reads the PNG
 * header for its size. Template images matter on macOS only.
 */
import { readFileSync } from 'node:fs';
import { strict } from './strict';

export class NativeImage {
  private template = false;

  constructor(
    readonly _path: string | null,
    private readonly size: { width: number; height: number },
  ) {
    return strict(this, 'NativeImage');
  }

  isEmpty(): boolean {
    return this.size.width === 0 || this.size.height === 0;
  }

  getSize(): { width: number; height: number } {
    return { ...this.size };
  }

  setTemplateImage(template: boolean): void {
    this.template = Boolean(template);
  }

  isTemplateImage(): boolean {
    return this.template || /Template(@\dx)?\.png$/.test(this._path ?? '');
  }
}

function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export const nativeImage = strict(
  {
    createFromPath(path: string): NativeImage {
      let size = { width: 0, height: 0 };
      try {
        size = pngSize(readFileSync(path)) ?? size;
      } catch {
        // A missing file is an empty image, not an error.
      }
      return new NativeImage(path, size);
    },
    createEmpty: () => new NativeImage(null, { width: 0, height: 0 }),
  },
  'nativeImage',
);
