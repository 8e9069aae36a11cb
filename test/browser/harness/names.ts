/**
 * Names shared by the test process and the code injected into the isolated world. They exist only
 * in the isolated world named ISOLATED_WORLD; the page's own world must never see any of them.
 */

/** The isolated world the bridge runs in (Electron's preload world in the app). */
export const ISOLATED_WORLD = 'switchboard';

/** CDP binding standing in for ipcRenderer.send(CHANNELS.capture, message). */
export const CAPTURE_BINDING = '__sbCapture';

/** Isolated-world function standing in for ipcRenderer.on(CHANNELS.vendorCommand, ...). */
export const COMMAND_ENTRY = '__sbCommand';

/** Global constant holding the CaptureConfig in the injected source (main's sendSync answer). */
export const CONFIG_CONSTANT = '__SB_CONFIG__';

/** Every name the bridge harness defines, for the "page world sees none of them" checks. */
export const BRIDGE_NAMES = [CAPTURE_BINDING, COMMAND_ENTRY, CONFIG_CONSTANT] as const;
