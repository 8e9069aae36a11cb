/**
 * The demo softphone page (app://demo/demo.html), shown on first start. Like RC Embeddable it
 * posts its events to window.parent with '*' and obeys commands from its parent only.
 */
import { createSoftphone, type DemoPresence, type SoftphoneState } from './softphone';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const PHASE_TEXT: Record<SoftphoneState['phase'], string> = {
  idle: 'No call',
  ringing: 'Incoming call…',
  connected: 'On call',
  held: 'On hold',
  dialing: 'Dialing…',
};

function render(state: Readonly<SoftphoneState>): void {
  document.body.dataset.phase = state.phase;
  $('phase').textContent = PHASE_TEXT[state.phase];
  const call = state.call;
  $('party').textContent = call
    ? call.direction === 'Inbound'
      ? `${call.fromUserName ?? ''} ${call.fromNumber ?? ''} · ${call.callQueueName?.replace(/ - $/, '') ?? ''}`
      : `To ${call.toNumber ?? ''}`
    : '';
  $<HTMLButtonElement>('ring').disabled = state.phase !== 'idle';
  $<HTMLButtonElement>('answer').disabled = state.phase !== 'ringing';
  const hold = $<HTMLButtonElement>('hold');
  hold.disabled = state.phase !== 'connected' && state.phase !== 'held';
  hold.textContent = state.phase === 'held' ? 'Resume' : 'Hold';
  $<HTMLButtonElement>('end').disabled = state.phase === 'idle';
  $<HTMLButtonElement>('end').textContent = state.phase === 'ringing' ? 'Decline' : 'End call';
  $<HTMLSelectElement>('presence').value = state.presence;
  const log = $('log');
  log.replaceChildren(...state.log.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
}

const phone = createSoftphone({
  post: (message) => window.parent.postMessage(message, '*'),
  schedule: (fn, ms) => void window.setTimeout(fn, ms),
  onChange: render,
});

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return;
  phone.command(event.data);
});

$('ring').addEventListener('click', () => phone.ring());
$('answer').addEventListener('click', () => phone.answer());
$('hold').addEventListener('click', () => (phone.state.phase === 'held' ? phone.resume() : phone.hold()));
$('end').addEventListener('click', () => phone.end());
$('sms').addEventListener('click', () => phone.sms());
$('presence').addEventListener('change', (e) => phone.setPresence((e.target as HTMLSelectElement).value as DemoPresence));
$('dial-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const number = $<HTMLInputElement>('dial').value.trim();
  if (number) phone.dial(number);
});

phone.start();
