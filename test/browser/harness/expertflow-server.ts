/**
 * A real Socket.IO server standing in for ExpertFlow's Agent Manager (vendors.md §5.2), attached
 * to the vendor origin's HTTP server so the Agent Desk simulator connects same-origin. Each
 * simulator connects with a unique agent id in its auth, so every test talks to its own socket.
 */
import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { Changes } from './changes';

export interface ReceivedPacket {
  event: string;
  args: unknown[];
}

export interface AgentConnection {
  /** Resolves once packets to this agent travel on a WebSocket (the only transport tapped). */
  webSocket(): Promise<void>;
  emit(event: string, payload: unknown): void;
  readonly received: readonly ReceivedPacket[];
  waitForReceived(event: string): Promise<ReceivedPacket>;
}

export interface ExpertflowServer {
  /** The connection of the Agent Desk that logged in as `agentId`. */
  agent(agentId: string): Promise<AgentConnection>;
  close(): Promise<void>;
}

export function startExpertflowServer(httpServer: http.Server): ExpertflowServer {
  const io = new Server(httpServer, { path: '/socket.io', serveClient: false });
  const changes = new Changes();
  const agents = new Map<string, AgentConnection>();

  io.on('connection', (socket: Socket) => {
    const auth = socket.handshake.auth as { agent?: { id?: unknown } };
    const agentId = typeof auth.agent?.id === 'string' ? auth.agent.id : `anonymous-${socket.id}`;
    const received: ReceivedPacket[] = [];
    socket.onAny((event: string, ...args: unknown[]) => {
      received.push({ event, args });
      changes.notify();
    });
    socket.conn.on('upgrade', () => changes.notify());
    const onWebSocket = () => (socket.conn.transport.name === 'websocket' ? true : undefined);
    agents.set(agentId, {
      webSocket: () => changes.until(onWebSocket, `agent ${agentId}'s socket to upgrade to a WebSocket`).then(() => undefined),
      emit: (event, payload) => socket.emit(event, payload),
      received,
      waitForReceived: (event) =>
        changes.until(
          () => received.find((p) => p.event === event),
          `the Agent Manager to receive "${event}" from agent ${agentId}`,
          () => received.map((p) => p.event).join(', '),
        ),
    });
    changes.notify();
  });

  return {
    agent: (agentId) => changes.until(() => agents.get(agentId), `agent ${agentId} to connect to the Agent Manager`),
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
