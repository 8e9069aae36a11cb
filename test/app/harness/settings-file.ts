/** A settings file as an agent's Switchboard would have written it (schemaVersion 2). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsInput } from '../../../src/shared/contract/settings';
import { SETTINGS_SCHEMA_VERSION } from '../../../src/main/settings/migrations';

export function writeSettings(userData: string, settings: SettingsInput): void {
  mkdirSync(userData, { recursive: true });
  writeFileSync(join(userData, 'settings.json'), JSON.stringify({ ...settings, schemaVersion: SETTINGS_SCHEMA_VERSION }, null, 2));
}
