/**
 * The main-world WebSocket tap for ExpertFlow Agent Desk (vendors.md §5.3): it must run in the
 * page's own world before page scripts, because the Agent Desk's Socket.IO traffic happens there.
 *
 * `installSocketTap` is serialized and evaluated on its own (Electron's
 * contextBridge.executeInMainWorld, CDP in tests), so it must stay self-contained: no imports,
 * no references outside its body. It keeps private references to the natives it uses, so page
 * scripts that patch WebSocket, dispatchEvent or CustomEvent later cannot redirect it.
 *
 * Only Engine.IO traffic (URL with `EIO=`: WebSockets and long-polling XHRs) is tapped; other
 * WebSockets and requests are left alone.
 * Frames go to the isolated-world bridge as a DOM CustomEvent whose name is a per-view secret,
 * with a JSON string detail (strings cross worlds; objects do not): {d: direction, f: frame,
 * c: connection}. `c` names the Engine.IO connection the frame travelled on ("w3": the third
 * tapped WebSocket; "p<sid>": long-polling requests of session <sid>), so the bridge can send
 * commands on the connection that carried the agent desk's own events, not on whichever socket
 * the page opened last.
 *
 * Commands come back as `<name>:send` with detail {c, f, r}; the tap answers synchronously (DOM
 * dispatch is synchronous across worlds) with `<name>:result` {r, ok, reason?}, so a command that
 * could not be sent is reported as such.
 */
export function installSocketTap(eventName: string): void {
  const w = window as Window & { WebSocket: typeof WebSocket; CustomEvent: typeof CustomEvent };
  const Native = w.WebSocket;
  if (!Native || (Native as unknown as { __sbTapped?: boolean }).__sbTapped) return;
  const doc = document;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const listen = EventTarget.prototype.addEventListener;
  const Custom = w.CustomEvent;
  const stringify = JSON.stringify;
  const nativeSend = Native.prototype.send;
  const parse = JSON.parse;
  const tapped = new WeakMap<WebSocket, string>();
  const sockets = new Map<string, WebSocket>();
  /** Engine.IO session id → the WebSocket it upgraded to (polling and WebSocket share the sid). */
  const upgraded = new Map<string, WebSocket>();
  let count = 0;
  const sidOf = (url: string): string => /[?&]sid=([^&#]{1,64})/.exec(url)?.[1] ?? '';

  const emit = (direction: 'in' | 'out', frame: unknown, connection: string) => {
    if (typeof frame !== 'string') return; // binary frames are not captured
    dispatch.call(doc, new Custom(eventName, { detail: stringify({ d: direction, f: frame, c: connection }) }));
  };

  function TappedWebSocket(this: unknown, url: string | URL, protocols?: string | string[]) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (/[?&]EIO=\d/.test(String(url))) {
      const id = `w${++count}`;
      tapped.set(ws, id);
      // Bounded: a page that opens sockets in a loop keeps at most the last 64.
      sockets.set(id, ws);
      if (sockets.size > 64) sockets.delete(sockets.keys().next().value!);
      const sid = sidOf(String(url));
      if (sid) upgraded.set(sid, ws);
      if (upgraded.size > 64) upgraded.delete(upgraded.keys().next().value!);
      listen.call(ws, 'message', (e: Event) => emit('in', (e as MessageEvent).data, id));
    }
    return ws;
  }
  TappedWebSocket.prototype = Native.prototype;
  for (const key of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const) {
    Object.defineProperty(TappedWebSocket, key, { value: Native[key] });
  }
  Object.defineProperty(TappedWebSocket, '__sbTapped', { value: true });

  Native.prototype.send = function send(this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
    const id = tapped.get(this);
    if (id) emit('out', data, id);
    return nativeSend.call(this, data);
  };
  w.WebSocket = TappedWebSocket as unknown as typeof WebSocket;

  // Engine.IO starts on HTTP long-polling and upgrades later (socket.io-client's default): the
  // connect packet and the first agentPresence travel by XHR, as payloads of packets separated
  // by the record separator (Engine.IO v4). Tap those requests too.
  const XHR = (window as Window & { XMLHttpRequest: typeof XMLHttpRequest }).XMLHttpRequest;
  const nativeOpen = XHR.prototype.open;
  const nativeXhrSend = XHR.prototype.send;
  const polling = new WeakMap<XMLHttpRequest, { method: string; connection: string }>();
  const emitPayload = (direction: 'in' | 'out', payload: string, connection: string) => {
    for (const packet of payload.split('\x1e')) if (packet) emit(direction, packet, connection);
  };
  XHR.prototype.open = function open(this: XMLHttpRequest, method: string, url: string | URL) {
    if (/[?&]EIO=\d/.test(String(url)) && /[?&]transport=polling\b/.test(String(url))) {
      polling.set(this, { method: String(method).toUpperCase(), connection: `p${sidOf(String(url))}` });
    } else polling.delete(this);
    // eslint-disable-next-line prefer-rest-params -- forward exactly what the page passed
    return (nativeOpen as (...args: unknown[]) => void).apply(this, arguments as unknown as unknown[]);
  } as typeof XHR.prototype.open;
  XHR.prototype.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = polling.get(this);
    if (request?.method === 'POST' && typeof body === 'string') emitPayload('out', body, request.connection);
    else if (request?.method === 'GET') {
      listen.call(this, 'load', () => {
        if (this.status === 200 && (this.responseType === '' || this.responseType === 'text')) emitPayload('in', this.responseText, request.connection);
      });
    }
    return nativeXhrSend.call(this, body);
  };

  // Commands from the bridge: a complete Engine.IO frame for the named connection. Long-polling
  // sessions are reached through the WebSocket they upgraded to; a request cannot be sent on.
  const answer = (r: unknown, reason: string | null) =>
    dispatch.call(doc, new Custom(`${eventName}:result`, { detail: stringify(reason === null ? { r, ok: true } : { r, ok: false, reason }) }));
  listen.call(doc, `${eventName}:send`, (e: Event) => {
    let command: { c?: unknown; f?: unknown; r?: unknown };
    try {
      command = parse(String((e as CustomEvent).detail)) as typeof command;
    } catch {
      return;
    }
    const { c, f, r } = command;
    if (typeof c !== 'string' || typeof f !== 'string') return answer(r, 'malformed command record');
    const ws = c.startsWith('p') ? upgraded.get(c.slice(1)) : sockets.get(c);
    if (!ws) {
      return answer(r, c.startsWith('p') ? 'the Agent Desk connection is on HTTP long-polling, where commands cannot be sent' : 'the Agent Desk socket is gone');
    }
    if (ws.readyState !== Native.OPEN) return answer(r, `the Agent Desk socket is ${ws.readyState === Native.CONNECTING ? 'still connecting' : 'closed'}`);
    emit('out', f, tapped.get(ws) ?? c);
    nativeSend.call(ws, f);
    answer(r, null);
  });
}
