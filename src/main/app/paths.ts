/**
 * Where the app's files are, packaged or not. Pure: main passes app.isPackaged,
 * process.resourcesPath and its own root, so tests need no Electron.
 */
import { join } from 'node:path';

export interface ResourcesDirInput {
  isPackaged: boolean;
  /** process.resourcesPath: beside app.asar in an installed app. */
  resourcesPath: string;
  /** The project root (the folder holding package.json) when running from source. */
  appRoot: string;
}

/**
 * The folder holding `tray/`. Installers copy resources/tray to <resources>/tray (extraResources in
 * electron-builder.yml) because nativeImage reads icons by path, outside the asar; from source the
 * repository's resources/ folder is used as is.
 */
export function resourcesDir({ isPackaged, resourcesPath, appRoot }: ResourcesDirInput): string {
  return isPackaged ? resourcesPath : join(appRoot, 'resources');
}
