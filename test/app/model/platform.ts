/**
 * Which OS the model plays: ELECTRON_MODEL_PLATFORM (linux, win32 or darwin; default linux). The
 * app reads `process.platform` directly, so boot.ts sets it before the app's code loads; the
 * model's per-OS behaviour (notification buttons, tray clicks, menus) reads it from here.
 */
const PLATFORMS = ['linux', 'win32', 'darwin'] as const;
export type ModelPlatform = (typeof PLATFORMS)[number];

export function modelPlatform(): ModelPlatform {
  const wanted = process.env.ELECTRON_MODEL_PLATFORM ?? 'linux';
  if (!(PLATFORMS as readonly string[]).includes(wanted)) throw new Error(`electron model: ELECTRON_MODEL_PLATFORM must be one of ${PLATFORMS.join(', ')}, not "${wanted}"`);
  return wanted as ModelPlatform;
}

export const isMac = (): boolean => modelPlatform() === 'darwin';
export const isWindows = (): boolean => modelPlatform() === 'win32';
export const isLinux = (): boolean => modelPlatform() === 'linux';
