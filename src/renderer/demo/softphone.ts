/**
 * The demo softphone's behaviour, free of DOM so it is unit-tested in Node and reused by the page.
 * It speaks the RC subset documented in src/shared/vendors/demo.ts: it emits those events through
 * `post` and obeys rc-adapter-set-presence, rc-adapter-control-call and rc-adapter-new-call.
 */
export type DemoPresence = 'Available' | 'Busy' | 'DoNotAcceptAnyCalls' | 'Offline';
export type CallPhase = 'idle' | 'ringing' | 'connected' | 'held' | 'dialing';

export interface DemoCall {
  id: string;
  direction: 'Inbound' | 'Outbound';
  fromUserName?: string;
  fromNumber?: string;
  toNumber?: string;
  callQueueName?: string;
  isOnMute: boolean;
}

export interface SoftphoneState {
  presence: DemoPresence;
  phase: CallPhase;
  call: DemoCall | null;
  log: string[];
}

const CALLERS = [
  { name: 'Jane Doe', number: '+1 650 555 0100', queue: 'Support' },
  { name: 'Omar Haddad', number: '+44 20 7946 0321', queue: 'Sales' },
  { name: 'Li Wei', number: '+86 10 5555 0188', queue: 'Billing' },
];

export interface SoftphoneDeps {
  post(message: Record<string, unknown>): void;
  /** Runs `fn` after `ms` (the outbound call connects after a short delay). */
  schedule(fn: () => void, ms: number): void;
  onChange(state: Readonly<SoftphoneState>): void;
}

export function createSoftphone(deps: SoftphoneDeps) {
  const state: SoftphoneState = { presence: 'Available', phase: 'idle', call: null, log: [] };
  let seq = 0;

  const note = (line: string) => {
    state.log.unshift(line);
    state.log.length = Math.min(state.log.length, 50);
  };
  const changed = () => deps.onChange(state);
  const emit = (type: string, extra: Record<string, unknown> = {}) => deps.post({ type, ...extra });
  const emitCall = (type: string) => state.call && emit(type, { call: { ...state.call, callStatus: state.phase } });
  const syncPresence = () =>
    emit('rc-adapter-syncPresence', {
      userStatus: state.presence === 'DoNotAcceptAnyCalls' ? 'Available' : state.presence,
      dndStatus: state.presence === 'DoNotAcceptAnyCalls' ? 'DoNotAcceptAnyCalls' : 'TakeAllCalls',
      telephonyStatus: state.phase === 'idle' ? 'NoCall' : state.phase === 'ringing' ? 'Ringing' : 'CallConnected',
    });

  const api = {
    state: state as Readonly<SoftphoneState>,
    start() {
      emit('rc-login-status-notify', { loggedIn: true, loginNumber: '+16505550199*101' });
      emit('rc-dialer-status-notify', { ready: true });
      syncPresence();
      changed();
    },
    ring(caller = CALLERS[seq % CALLERS.length]!) {
      if (state.phase !== 'idle') return note('Already on a call: hang up first.'), changed();
      seq++;
      state.call = {
        id: `demo-call-${Date.now().toString(36)}-${seq}`,
        direction: 'Inbound',
        fromUserName: caller.name,
        fromNumber: caller.number,
        callQueueName: `${caller.queue} - `,
        isOnMute: false,
      };
      state.phase = 'ringing';
      note(`Incoming call from ${caller.name}`);
      emitCall('rc-call-ring-notify');
      changed();
    },
    answer() {
      if (state.phase !== 'ringing') return;
      state.phase = 'connected';
      note('Answered');
      emitCall('rc-call-start-notify');
      changed();
    },
    hold() {
      if (state.phase !== 'connected') return;
      state.phase = 'held';
      note('On hold');
      emitCall('rc-call-hold-notify');
      changed();
    },
    resume() {
      if (state.phase !== 'held') return;
      state.phase = 'connected';
      note('Resumed');
      emitCall('rc-call-resume-notify');
      changed();
    },
    end() {
      if (state.phase === 'idle') return;
      note(state.phase === 'ringing' ? 'Declined' : 'Call ended');
      emitCall('rc-call-end-notify');
      state.phase = 'idle';
      state.call = null;
      changed();
    },
    dial(number: string) {
      if (state.phase !== 'idle') return note('Already on a call: hang up first.'), changed();
      seq++;
      state.call = { id: `demo-out-${Date.now().toString(36)}-${seq}`, direction: 'Outbound', toNumber: number, isOnMute: false };
      state.phase = 'dialing';
      note(`Dialing ${number}`);
      emitCall('rc-call-init-notify');
      const id = state.call.id;
      deps.schedule(() => {
        if (state.call?.id !== id || state.phase !== 'dialing') return;
        state.phase = 'connected';
        emitCall('rc-call-start-notify');
        changed();
      }, 1500);
      changed();
    },
    sms(text = 'Hi, can you call me back about my order?') {
      seq++;
      const caller = CALLERS[seq % CALLERS.length]!;
      note(`SMS from ${caller.name}`);
      emit('rc-inbound-message-notify', {
        message: { id: `demo-sms-${Date.now().toString(36)}-${seq}`, type: 'SMS', direction: 'Inbound', subject: text, from: { phoneNumber: caller.number, name: caller.name } },
      });
      changed();
    },
    setPresence(presence: DemoPresence) {
      state.presence = presence;
      note(`Presence: ${presence}`);
      syncPresence();
      changed();
    },
    /** A command from the shell, in RC's vocabulary. Returns false for anything it does not obey. */
    command(data: unknown): boolean {
      if (!data || typeof data !== 'object') return false;
      const msg = data as Record<string, unknown>;
      switch (msg.type) {
        case 'rc-adapter-set-presence': {
          const dnd = msg.dndStatus === 'DoNotAcceptAnyCalls';
          const user = msg.userStatus;
          if (dnd) api.setPresence('DoNotAcceptAnyCalls');
          else if (user === 'Available' || user === 'Busy' || user === 'Offline') api.setPresence(user);
          else if (msg.dndStatus === 'TakeAllCalls') api.setPresence('Available');
          else return false;
          return true;
        }
        case 'rc-adapter-control-call': {
          const action = msg.callAction;
          if (msg.callId !== undefined && msg.callId !== state.call?.id) return false;
          if (action === 'answer') api.answer();
          else if (action === 'reject' || action === 'hangup') api.end();
          else if (action === 'hold') api.hold();
          else if (action === 'unhold') api.resume();
          else return false;
          return true;
        }
        case 'rc-adapter-new-call':
          if (typeof msg.phoneNumber !== 'string' || !/^[+0-9*#() .-]{1,32}$/.test(msg.phoneNumber)) return false;
          api.dial(msg.phoneNumber);
          return true;
        default:
          return false;
      }
    },
  };
  return api;
}
