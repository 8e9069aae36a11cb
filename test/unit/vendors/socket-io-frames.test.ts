import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { MAX_FRAME_CHARS, decodeSocketIoFrame, encodeSocketIoEvent, type DecodedFrame } from '../../../src/shared/vendors/socket-io-frames';

const BINARY = 'binary Socket.IO packets are not captured (only text frames are tapped)';

function decode(frame: unknown): DecodedFrame {
  let out: DecodedFrame | undefined;
  expect(() => (out = decodeSocketIoFrame(frame))).not.toThrow();
  return out!;
}

describe('decodeSocketIoFrame: Engine.IO transport packets', () => {
  it.each([
    ['0{"sid":"abc","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}', 'engine.io open'],
    ['1', 'engine.io close'],
    ['2', 'engine.io ping'],
    ['3', 'engine.io pong'],
    ['2probe', 'engine.io ping'],
    ['3probe', 'engine.io pong'],
    ['5', 'engine.io upgrade'],
    ['6', 'engine.io noop'],
  ])('%s → %s', (frame, what) => {
    expect(decode(frame)).toEqual({ kind: 'transport', what });
  });
});

describe('decodeSocketIoFrame: Socket.IO packets', () => {
  it.each([
    ['40', 'socket.io connect'],
    ['40{"sid":"zZ1yY2xX"}', 'socket.io connect'],
    ['40/agent,{"sid":"zZ1yY2xX"}', 'socket.io connect'],
    ['41', 'socket.io disconnect'],
    ['41/agent,', 'socket.io disconnect'],
    ['43["ok"]', 'socket.io ack'],
    ['431[{"status":"OK"}]', 'socket.io ack'],
    ['44{"message":"Not authorized"}', 'socket.io connect_error'],
    ['44"unauthorized"', 'socket.io connect_error'],
  ])('%s → %s', (frame, what) => {
    expect(decode(frame)).toEqual({ kind: 'transport', what });
  });

  it('decodes an EVENT on the default namespace', () => {
    expect(decode('42["agentPresence",{"state":{"name":"READY"}}]')).toEqual({
      kind: 'event',
      namespace: '/',
      name: 'agentPresence',
      args: [{ state: { name: 'READY' } }],
    });
  });

  it('decodes a namespace and an ack id', () => {
    expect(decode('42/agent,21["taskRequest",{"taskId":"t1"},2]')).toEqual({
      kind: 'event',
      namespace: '/agent',
      name: 'taskRequest',
      args: [{ taskId: 't1' }, 2],
      ackId: 21,
    });
    expect(decode('4221["x"]')).toEqual({ kind: 'event', namespace: '/', name: 'x', args: [], ackId: 21 });
  });

  it('stringifies numeric event names, which the parser allows', () => {
    expect(decode('42[5,"x"]')).toEqual({ kind: 'event', namespace: '/', name: '5', args: ['x'] });
  });

  it.each(['451-["upload",{"_placeholder":true,"num":0}]', '452-/agent,3["x",{"_placeholder":true,"num":0}]', '461-[{"_placeholder":true,"num":0}]', '45', '46', 'bAQIDBA==', 'b'])(
    'binary packet %s is reported, not decoded',
    (frame) => {
      expect(decode(frame)).toEqual({ error: BINARY });
    },
  );
});

describe('decodeSocketIoFrame: malformed frames return the reason', () => {
  it.each([
    ['42[', 'malformed Socket.IO packet: invalid payload'],
    ['42{}', 'malformed Socket.IO packet: invalid payload'],
    ['42["connect"]', 'malformed Socket.IO packet: invalid payload'],
    ['42["disconnect"]', 'malformed Socket.IO packet: invalid payload'],
    ['42[{"a":1}]', 'malformed Socket.IO packet: invalid payload'],
    ['41{"a":1}', 'malformed Socket.IO packet: invalid payload'],
    ['40[]', 'malformed Socket.IO packet: invalid payload'],
    ['48', 'malformed Socket.IO packet: unknown packet type 8'],
    ['4x', 'malformed Socket.IO packet: unknown packet type NaN'],
    ['42', 'Socket.IO EVENT packet carries no event name'],
    ['42[]', 'malformed Socket.IO packet: invalid payload'],
    ['4', 'Engine.IO message frame carries no Socket.IO packet'],
    ['7', 'Engine.IO parser error: unknown packet type "7"'],
    ['x', 'Engine.IO parser error: unknown packet type "x"'],
    ['{"type":"rc-call-ring-notify"}', 'Engine.IO parser error: unknown packet type "{"'],
    ['', 'empty Engine.IO frame'],
    [`42${'9'.repeat(400)}["a"]`, 'Socket.IO ack id is not a safe integer'],
  ])('%j → %s', (frame, error) => {
    expect(decode(frame)).toEqual({ error });
  });

  it.each([undefined, null, 0, 42, true, {}, [], ['42["a"]'], new Uint8Array([4, 2]), new ArrayBuffer(4), { data: '42["a"]' }])('non-string %o is an error', (frame) => {
    const r = decode(frame);
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toMatch(/^expected an Engine.IO text frame \(a string\); got /);
  });

  it('rejects frames over the size limit before parsing', () => {
    const big = `42["x","${'y'.repeat(200_000)}"]`;
    expect(decode(big)).toEqual({ error: `frame is ${big.length} characters, over the 64 KiB limit` });
    expect(decode(`42["x","${'y'.repeat(MAX_FRAME_CHARS - 10)}"]`)).toMatchObject({ kind: 'event', name: 'x' });
  });

  it('__proto__ and constructor stay data', () => {
    expect(decode('42["__proto__",{"__proto__":{"polluted":1}}]')).toMatchObject({ kind: 'event', name: '__proto__' });
    expect(decode('42["constructor",{"prototype":1}]')).toMatchObject({ kind: 'event', name: 'constructor' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('one bad frame does not affect the next (fresh decoder per frame)', () => {
    expect(decode('451-["x",{"_placeholder":true,"num":0}]')).toEqual({ error: BINARY });
    expect(decode('42[')).toHaveProperty('error');
    expect(decode('42["next"]')).toEqual({ kind: 'event', namespace: '/', name: 'next', args: [] });
  });

  it('never throws on any string and always returns one of the three shapes', () => {
    const shapes = (r: DecodedFrame) =>
      ('error' in r && typeof r.error === 'string' && r.error.length > 0) ||
      ('kind' in r && r.kind === 'transport' && typeof r.what === 'string') ||
      ('kind' in r && r.kind === 'event' && typeof r.name === 'string' && Array.isArray(r.args) && typeof r.namespace === 'string');
    fc.assert(fc.property(fc.string(), (s) => shapes(decode(s))), { numRuns: 500 });
    const prefixed = fc.tuple(fc.constantFrom('4', '40', '42', '43', '44', '45', '42/a,', '421'), fc.oneof(fc.string(), fc.json())).map(([p, s]) => p + s);
    fc.assert(fc.property(prefixed, (s) => shapes(decode(s))), { numRuns: 500 });
    fc.assert(fc.property(fc.anything(), (v) => shapes(decode(v))), { numRuns: 200 });
  });
});

describe('encodeSocketIoEvent', () => {
  it('builds a full Engine.IO message frame', () => {
    expect(encodeSocketIoEvent('/', 'changeAgentState', [{ agentId: 'a1', state: { name: 'READY', reasonCode: null } }])).toBe(
      '42["changeAgentState",{"agentId":"a1","state":{"name":"READY","reasonCode":null}}]',
    );
    expect(encodeSocketIoEvent('/agent', 'ping', [])).toBe('42/agent,["ping"]');
    expect(encodeSocketIoEvent('', 'x', [1, 'two'])).toBe('42["x",1,"two"]');
  });

  it('round-trips through the decoder', () => {
    const name = fc.string({ minLength: 1 }).filter((s) => !['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].includes(s));
    const namespace = fc.constantFrom('/', '/agent', '/a-b_c');
    fc.assert(
      fc.property(namespace, name, fc.array(fc.jsonValue(), { maxLength: 4 }), (ns, n, args) => {
        const frame = encodeSocketIoEvent(ns, n, args);
        expect(frame.startsWith('4')).toBe(true);
        expect(decode(frame)).toEqual({ kind: 'event', namespace: ns, name: n, args: JSON.parse(JSON.stringify(args)) });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses binary arguments (they would need attachment frames)', () => {
    expect(() => encodeSocketIoEvent('/', 'x', [new Uint8Array([1])])).toThrow(/JSON data, not binary/);
  });
});
