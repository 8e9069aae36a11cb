/**
 * Serves the shell UI (src/renderer/shell) as the app does, with the app's page CSP as a header:
 * index.html, its entry bundled by esbuild (JSX for Preact, as electron-vite builds it) and its
 * stylesheet with the @imports inlined.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { PAGE_CSP } from '../../../src/main/app-protocol/resolve-request';
import { fromRoot } from './bundles';

export interface ShellUiServer {
  url: string;
  close(): Promise<void>;
}

/** Files the bundle imports with `?url` (the ringtone), served under /assets/ as the app's build does. */
const assets = new Map<string, Buffer>();
const assetUrls: Plugin = {
  name: 'asset-urls',
  setup(b) {
    b.onResolve({ filter: /\?url$/ }, (args) => ({ path: resolve(args.resolveDir, args.path.replace(/\?url$/, '')), namespace: 'asset-url' }));
    b.onLoad({ filter: /.*/, namespace: 'asset-url' }, (args) => {
      const url = `/assets/${basename(args.path)}`;
      assets.set(url, readFileSync(args.path));
      return { contents: `export default ${JSON.stringify(url)};`, loader: 'js' };
    });
  },
};

async function bundle(entry: string): Promise<string> {
  const result = await build({
    plugins: [assetUrls],
    entryPoints: [fromRoot(entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

export async function startShellUiServer(): Promise<ShellUiServer> {
  const [js, css] = await Promise.all([bundle('src/renderer/shell/main.tsx'), bundle('src/renderer/shell/shell.css')]);
  const html = readFileSync(fromRoot('src/renderer/shell/index.html'), 'utf8');
  if (!html.includes('src="./main.tsx"')) throw new Error('src/renderer/shell/index.html no longer loads ./main.tsx');
  const files: Record<string, { type: string; body: string }> = {
    '/index.html': { type: 'text/html; charset=utf-8', body: html.replace('src="./main.tsx"', 'src="./main.js"') },
    '/main.js': { type: 'text/javascript; charset=utf-8', body: js },
    '/shell.css': { type: 'text/css; charset=utf-8', body: css },
  };
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const asset = assets.get(pathname);
    if (asset) {
      res.writeHead(200, { 'content-type': 'audio/wav', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
      res.end(asset);
      return;
    }
    const file = files[pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain', 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' });
    res.end(file?.body ?? 'not found');
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
