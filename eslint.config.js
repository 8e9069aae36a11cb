// Lint rules that carry architecture: src/shared stays pure (DESIGN.md §4), and the Electron
// security settings can never be switched off by a literal (DESIGN.md §5).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const INSECURE_WEB_PREFERENCES = [
  ['nodeIntegration', true],
  ['nodeIntegrationInSubFrames', true],
  ['nodeIntegrationInWorker', true],
  ['contextIsolation', false],
  ['sandbox', false],
  ['webSecurity', false],
  ['allowRunningInsecureContent', true],
  ['experimentalFeatures', true],
  ['enableBlinkFeatures', null],
].map(([key, value]) => ({
  selector:
    value === null
      ? `Property[key.name='${key}']`
      : `Property[key.name='${key}'][value.value=${JSON.stringify(value)}]`,
  message: `${key}${value === null ? '' : `: ${value}`} breaks the Electron security baseline (DESIGN.md §5).`,
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', 'test/fixtures/electronegativity/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...INSECURE_WEB_PREFERENCES],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@electron/remote', message: 'No @electron/remote (DESIGN.md §5).' }] },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared is pure: no electron (DESIGN.md §4).' },
            { name: '@electron/remote', message: 'No @electron/remote (DESIGN.md §5).' },
          ],
          patterns: [
            { group: ['node:*'], message: 'src/shared is pure: no Node built-ins (DESIGN.md §4).' },
            {
              group: ['fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'crypto', 'url', 'util', 'events', 'stream', 'buffer', 'worker_threads'],
              message: 'src/shared is pure: no Node built-ins (DESIGN.md §4).',
            },
            { group: ['electron', 'electron/*', 'electron-store', 'electron-*'], message: 'src/shared is pure: no Electron (DESIGN.md §4).' },
            { group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/cli/**'], message: 'src/shared must not depend on outer layers.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname', 'global'].map((name) => ({
          name,
          message: `src/shared is pure: no ${name} (DESIGN.md §4).`,
        })),
      ],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx', 'src/preload/**/*.ts', 'test/browser/harness/bridge-entry.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Vendor simulator pages for the browser tier: plain browser scripts (io: socket.io-client).
    files: ['test/browser/simulators/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser, io: 'readonly' } },
  },
);
