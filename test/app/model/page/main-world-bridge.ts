/**
 * contextBridge's main-world side. Main evaluates this function's source in the page's main
 * world (while the preload is stopped at exposeInMainWorld), so it must be self-contained: no
 * imports, no references outside its body. It defines `window[key]` as Electron does (a frozen,
 * non-configurable copy; functions become callers into the isolated world) and refuses to
 * overwrite an existing global, as Electron does ("Cannot bind an API on top of an existing
 * property on the window object"). Its value encoding mirrors preload-runtime.ts's on purpose:
 * each side must carry its own copy, since the two run in different worlds.
 */

export type ApiShape = { fn: number } | { object: Record<string, ApiShape> } | { value: unknown };

export function installMainWorldApi(spec: { key: string; shape: ApiShape; eventName: string }): void {
  const { key, shape, eventName } = spec;
  type Message = { type: 'return'; id: number; ok: boolean; value?: unknown; error?: string } | { type: 'settle'; id: number; ok: boolean; value?: unknown; error?: string } | { type: 'callback'; id: number; args: unknown[] };
  const callbacks = new Map<number, (...args: unknown[]) => unknown>();
  const promises = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextCall = 0;
  let nextCallback = 0;
  let returned: Extract<Message, { type: 'return' }> | undefined;

  const toIsolated = (detail: object) => window.dispatchEvent(new CustomEvent(`${eventName}:to-isolated`, { detail: JSON.stringify(detail) }));
  const outgoing = (value: unknown): unknown => {
    if (typeof value === 'function') {
      callbacks.set(++nextCallback, value as (...args: unknown[]) => unknown);
      return { $callback: nextCallback };
    }
    if (Array.isArray(value)) return value.map(outgoing);
    if (value && typeof value === 'object') return { $obj: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, outgoing(v)])) };
    return value === undefined ? { $undefined: true } : value;
  };
  const incoming = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(incoming);
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (typeof v.$fn === 'number') return caller(v.$fn);
      if (typeof v.$promise === 'number') {
        const id = v.$promise;
        return new Promise((resolve, reject) => promises.set(id, { resolve, reject }));
      }
      if (v.$undefined === true) return undefined;
      if (v.$obj && typeof v.$obj === 'object') return Object.fromEntries(Object.entries(v.$obj as object).map(([k, x]) => [k, incoming(x)]));
    }
    return value;
  };
  const caller =
    (fn: number) =>
    (...args: unknown[]): unknown => {
      const id = ++nextCall;
      returned = undefined;
      toIsolated({ id, fn, args: args.map(outgoing) });
      const answer = returned as Extract<Message, { type: 'return' }> | undefined;
      returned = undefined;
      if (!answer || answer.id !== id) throw new Error('contextBridge: the isolated world did not answer');
      if (!answer.ok) throw new Error(answer.error);
      return incoming(answer.value);
    };

  window.addEventListener(`${eventName}:to-main`, (event) => {
    const message = JSON.parse((event as CustomEvent<string>).detail) as Message;
    if (message.type === 'return') returned = message;
    else if (message.type === 'settle') {
      const pending = promises.get(message.id);
      if (!pending) return;
      promises.delete(message.id);
      if (message.ok) pending.resolve(incoming(message.value));
      else pending.reject(new Error(message.error));
    } else callbacks.get(message.id)?.(...(message.args.map(incoming) as unknown[]));
  });

  const build = (s: ApiShape): unknown => {
    if ('fn' in s) return caller(s.fn);
    if ('object' in s) return Object.freeze(Object.fromEntries(Object.entries(s.object).map(([k, v]) => [k, build(v)])));
    return s.value;
  };
  if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object');
  Object.defineProperty(window, key, { value: build(shape), enumerable: true, configurable: false, writable: false });
}
