/**
 * Switchboard's one application id: electron-builder's `appId` (electron-builder.yml) and, on
 * Windows, the AppUserModelID main sets before 'ready' (src/main/index.ts). Windows shows a
 * toast only for an AppUserModelID that a Start-menu shortcut carries (electron/electron
 * docs/tutorial/notifications.md "Windows"); the NSIS installer stamps that shortcut with appId,
 * so both must be this value. test/unit/deploy/builder-config.test.ts checks the yml against it.
 */
export const APP_ID = 'com.switchboard.desktop';
