/**
 * The shell window's UI entry. It talks to main only through `window.switchboard` (ShellApi,
 * exposed by src/preload/shell.ts; a test fake in the browser tier).
 */
import './zod-jitless';
import { render } from 'preact';
import type { ShellApi } from '../../shared/ipc/shell-protocol';
import { App } from './components/App';
import { RingWindowApp } from './components/ring/RingWindowApp';

declare global {
  interface Window {
    switchboard: ShellApi;
  }
}

const root = document.getElementById('app');
// The ring window loads this page at #ring (src/main/shell/ring-window.ts): the ring surface alone.
if (root) render(location.hash === '#ring' ? <RingWindowApp api={window.switchboard} /> : <App api={window.switchboard} />, root);
