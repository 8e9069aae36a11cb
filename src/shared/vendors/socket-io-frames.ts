/**
 * Engine.IO v4 text frames carrying Socket.IO v5 packets, decoded and encoded with the official
 * parser packages, so the protocol details (namespaces, ack ids, payload validation) are the ones
 * the vendor's own socket.io-client uses rather than our reading of the spec.
 *
 * Only text frames are tapped from the page's WebSocket. Binary packets (BINARY_EVENT/BINARY_ACK,
 * and Engine.IO's base64 "b" messages) announce attachments that travel in separate binary frames
 * we never see, so they are reported as errors instead of being half-decoded.
 *
 * Never throws on captured input: the Socket.IO Decoder throws on malformed packets, which is
 * caught and returned as the error reason.
 */
import { measureCapture } from '../core/measure';
import { clip } from '../text';
import { decodePacket, encodePacket } from 'engine.io-parser';
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

export type SocketIoFrame =
  | { kind: 'event'; namespace: string; name: string; args: unknown[]; ackId?: number }
  | { kind: 'transport'; what: string };

export type DecodedFrame = SocketIoFrame | { error: string };

/** Same bound as the default capture limit (core/measure.ts): a frame is one vendor message. */
export const MAX_FRAME_CHARS = 64 * 1024;

const BINARY_ERROR = 'binary Socket.IO packets are not captured (only text frames are tapped)';

const TRANSPORT_PACKETS: Readonly<Partial<Record<PacketType, string>>> = {
  [PacketType.CONNECT]: 'socket.io connect',
  [PacketType.DISCONNECT]: 'socket.io disconnect',
  [PacketType.ACK]: 'socket.io ack',
  [PacketType.CONNECT_ERROR]: 'socket.io connect_error',
};


export function decodeSocketIoFrame(frame: unknown): DecodedFrame {
  if (typeof frame !== 'string') {
    return { error: `expected an Engine.IO text frame (a string); got ${frame === null ? 'null' : Array.isArray(frame) ? 'an array' : typeof frame}` };
  }
  if (frame.length === 0) return { error: 'empty Engine.IO frame' };
  if (frame.length > MAX_FRAME_CHARS) return { error: `frame is ${frame.length} characters, over the ${MAX_FRAME_CHARS / 1024} KiB limit` };
  // Node's parser decodes "b" frames with Buffer; we do not decode binary at all.
  if (frame.startsWith('b')) return { error: BINARY_ERROR };

  const engine = decodePacket(frame);
  if (engine.type === 'error') return { error: `Engine.IO parser error: unknown packet type "${clip(frame.charAt(0), 8)}"` };
  if (engine.type !== 'message') return { kind: 'transport', what: `engine.io ${engine.type}` };

  const data: unknown = engine.data;
  if (typeof data !== 'string' || data.length === 0) return { error: 'Engine.IO message frame carries no Socket.IO packet' };
  // Checked before decoding: the Decoder would wait for attachments that never come.
  const type = data.charAt(0);
  if (type === String(PacketType.BINARY_EVENT) || type === String(PacketType.BINARY_ACK)) return { error: BINARY_ERROR };

  const decoded = decodeSocketIoPacket(data);
  if ('error' in decoded) return decoded;
  const packet = decoded.packet;
  // The frame's JSON can unfold into a value thousands of levels deep: hold it to the capture's
  // own limits (core/measure.ts), like any captured object.
  const bounded = measureCapture(packet.data);
  if (!bounded.ok) return { error: `its payload is ${bounded.reason}` };

  const what = TRANSPORT_PACKETS[packet.type];
  if (what) return { kind: 'transport', what };
  if (packet.type !== PacketType.EVENT) return { error: `unexpected Socket.IO packet type ${packet.type}` };

  // The Decoder validates a payload when there is one, but lets a bare "2" through with none.
  const payload: unknown = packet.data;
  if (!Array.isArray(payload) || payload.length === 0) return { error: 'Socket.IO EVENT packet carries no event name' };
  const [name, ...args] = payload as unknown[];
  const out: SocketIoFrame = { kind: 'event', namespace: packet.nsp, name: String(name), args };
  if (packet.id !== undefined) {
    if (!Number.isSafeInteger(packet.id)) return { error: 'Socket.IO ack id is not a safe integer' };
    out.ackId = packet.id;
  }
  return out;
}

function decodeSocketIoPacket(data: string): { packet: Packet } | { error: string } {
  // A fresh Decoder per frame: a failed or partial packet can never leak state into the next one.
  const decoder = new Decoder();
  let packet: Packet | undefined;
  decoder.on('decoded', (p: Packet) => {
    packet = p;
  });
  try {
    decoder.add(data); // emits 'decoded' synchronously for text packets
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { error: `malformed Socket.IO packet: ${clip(reason, 120)}` };
  } finally {
    decoder.destroy();
  }
  return packet ? { packet } : { error: 'malformed Socket.IO packet: nothing decoded' };
}

/**
 * A complete Engine.IO message frame ('4' + Socket.IO EVENT packet) for the vendor page's socket.
 * `args` must be JSON data: binary would need attachment frames, which this path cannot send.
 */
export function encodeSocketIoEvent(namespace: string, name: string, args: readonly unknown[]): string {
  const parts: unknown[] = new Encoder().encode({ type: PacketType.EVENT, nsp: namespace, data: [name, ...args] });
  const packet = parts[0];
  if (parts.length !== 1 || typeof packet !== 'string') throw new TypeError('encodeSocketIoEvent: args must be JSON data, not binary');
  let frame = '';
  encodePacket({ type: 'message', data: packet }, false, (encoded: unknown) => {
    frame = String(encoded);
  });
  return frame;
}
