/**
 * Names of the tray icons in resources/tray/, shared by the generator (src/cli/make-tray-icons.ts),
 * main (which picks one per state and platform) and the test that checks the files.
 *
 *   <state>-<size>.png                 colour, size × size pixels
 *   <state>-<size>@2x.png              colour, 2·size pixels
 *   <state>-<size>Template.png         macOS template: black on transparent, shape only
 *   <state>-<size>Template@2x.png
 *
 * Electron's nativeImage loads the `@2x` sibling of a path by itself and marks an image whose
 * name ends in "Template" as a template image, so main only ever names the 1x file on macOS.
 */
import { TRAY_STATES, type TrayState } from '../contract/effects';

export const TRAY_ICON_SIZES = [16, 24, 32] as const;
export type TrayIconSize = (typeof TRAY_ICON_SIZES)[number];

export interface TrayIconFile {
  file: string;
  state: TrayState;
  /** Logical size (the number in the name). */
  size: TrayIconSize;
  /** 1 or 2 (@2x). */
  scale: 1 | 2;
  template: boolean;
  /** Width and height in pixels: size × scale. */
  pixels: number;
}

export function trayIconFileName(state: TrayState, size: TrayIconSize, template: boolean, scale: 1 | 2 = 1): string {
  return `${state}-${size}${template ? 'Template' : ''}${scale === 2 ? '@2x' : ''}.png`;
}

/** Every file resources/tray/ must hold. */
export function allTrayIconFiles(): TrayIconFile[] {
  const files: TrayIconFile[] = [];
  for (const state of TRAY_STATES) {
    for (const size of TRAY_ICON_SIZES) {
      for (const template of [false, true]) {
        for (const scale of [1, 2] as const) {
          files.push({ file: trayIconFileName(state, size, template, scale), state, size, scale, template, pixels: size * scale });
        }
      }
    }
  }
  return files;
}
