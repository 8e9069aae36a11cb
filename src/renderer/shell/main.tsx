/**
 * The shell window's UI entry. It talks to main only through `window.switchboard` (ShellApi,
 * exposed by src/preload/shell.ts; a test fake in the browser tier).
 */
import './zod-jitless';
import { render } from 'preact';
import type { ShellApi } from '../../shared/ipc/shell-protocol';
import { App } from './components/App';

declare global {
  interface Window {
    switchboard: ShellApi;
  }
}

const root = document.getElementById('app');
if (root) render(<App api={window.switchboard} />, root);
