/**
 * Build for the three Electron targets. Preloads run sandboxed, where only `electron` can be
 * required: each is built as one self-contained CommonJS file (dependencies such as zod bundled,
 * no shared chunks). Our pages (shell UI, demo softphone) are served from the app:// scheme.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      isolatedEntries: true,
      externalizeDeps: false,
      rollupOptions: {
        input: {
          'vendor-host': resolve('src/preload/vendor-host.ts'),
          shell: resolve('src/preload/shell.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: {
        input: {
          shell: resolve('src/renderer/shell/index.html'),
          demo: resolve('src/renderer/demo/demo.html'),
        },
      },
    },
  },
});
