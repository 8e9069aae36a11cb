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
 * with a JSON string detail (strings cross worlds; objects do not).
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
  const tapped = new WeakSet<WebSocket>();
  let latest: WebSocket | null = null;

  const emit = (direction: 'in' | 'out', frame: unknown) => {
    if (typeof frame !== 'string') return; // binary frames are not captured
    dispatch.call(doc, new Custom(eventName, { detail: stringify({ d: direction, f: frame }) }));
  };

  function TappedWebSocket(this: unknown, url: string | URL, protocols?: string | string[]) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (/[?&]EIO=\d/.test(String(url))) {
      tapped.add(ws);
      latest = ws;
      listen.call(ws, 'message', (e: Event) => emit('in', (e as MessageEvent).data));
    }
    return ws;
  }
  TappedWebSocket.prototype = Native.prototype;
  for (const key of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'] as const) {
    Object.defineProperty(TappedWebSocket, key, { value: Native[key] });
  }
  Object.defineProperty(TappedWebSocket, '__sbTapped', { value: true });

  Native.prototype.send = function send(this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
    if (tapped.has(this)) emit('out', data);
    return nativeSend.call(this, data);
  };
  w.WebSocket = TappedWebSocket as unknown as typeof WebSocket;

  // Engine.IO starts on HTTP long-polling and upgrades later (socket.io-client's default): the
  // connect packet and the first agentPresence travel by XHR, as payloads of packets separated
  // by the record separator (Engine.IO v4). Tap those requests too.
  const XHR = (window as Window & { XMLHttpRequest: typeof XMLHttpRequest }).XMLHttpRequest;
  const nativeOpen = XHR.prototype.open;
  const nativeXhrSend = XHR.prototype.send;
  const polling = new WeakMap<XMLHttpRequest, string>();
  const emitPayload = (direction: 'in' | 'out', payload: string) => {
    for (const packet of payload.split('\x1e')) if (packet) emit(direction, packet);
  };
  XHR.prototype.open = function open(this: XMLHttpRequest, method: string, url: string | URL) {
    if (/[?&]EIO=\d/.test(String(url)) && /[?&]transport=polling\b/.test(String(url))) polling.set(this, String(method).toUpperCase());
    else polling.delete(this);
    // eslint-disable-next-line prefer-rest-params -- forward exactly what the page passed
    return (nativeOpen as (...args: unknown[]) => void).apply(this, arguments as unknown as unknown[]);
  } as typeof XHR.prototype.open;
  XHR.prototype.send = function send(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const method = polling.get(this);
    if (method === 'POST' && typeof body === 'string') emitPayload('out', body);
    else if (method === 'GET') {
      listen.call(this, 'load', () => {
        if (this.status === 200 && (this.responseType === '' || this.responseType === 'text')) emitPayload('in', this.responseText);
      });
    }
    return nativeXhrSend.call(this, body);
  };

  // Commands from the bridge: a complete Engine.IO frame to send on the newest tapped socket.
  listen.call(doc, `${eventName}:send`, (e: Event) => {
    const frame = (e as CustomEvent).detail;
    if (typeof frame === 'string' && latest && latest.readyState === Native.OPEN) {
      emit('out', frame);
      nativeSend.call(latest, frame);
    }
  });
}
