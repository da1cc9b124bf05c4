import { Logger } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';
import type { LiveChannel, LiveClients } from '../engine/live-clients.js';
import type { LiveStreamLimits } from './live-stream.limits.js';
import { originAllowed } from './ws-origin.js';

/** WebSocket close code 1008: the handshake came from an origin that may not read the stream. */
const POLICY_VIOLATION = 1008;

/**
 * The connected sockets of one live channel. Broadcasting never waits for a client: `send` only
 * queues, and a socket whose queue is past the cap (slow or stalled reader) is terminated, so one
 * bad client costs the cycle nothing and cannot make the engine buffer without bound.
 */
export class LiveChannelHub {
  private readonly logger: Logger;
  private readonly sockets = new Map<WebSocket, { alive: boolean }>();
  private heartbeat?: NodeJS.Timeout;

  constructor(
    readonly channel: LiveChannel,
    private readonly limits: LiveStreamLimits,
    private readonly counter: LiveClients,
    private readonly corsOrigins: readonly string[],
  ) {
    this.logger = new Logger(`LiveChannel:${channel}`);
  }

  get size(): number {
    return this.sockets.size;
  }

  /** Starts the ping/pong sweep that finds peers gone without a close frame (sleep, cable, crash). */
  start(): void {
    this.heartbeat ??= setInterval(() => this.sweep(), this.limits.heartbeatIntervalMs);
    this.heartbeat.unref();
  }

  stop(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  accept(socket: WebSocket, request?: IncomingMessage): void {
    if (!originAllowed(request, this.corsOrigins)) {
      this.logger.warn({ message: 'refused a live client from a foreign origin', origin: request?.headers.origin });
      socket.close(POLICY_VIOLATION, 'origin not allowed');
      return;
    }
    const state = { alive: true };
    this.sockets.set(socket, state);
    socket.on('pong', () => (state.alive = true));
    this.counter.connected(this.channel);
  }

  remove(socket: WebSocket): void {
    if (this.sockets.delete(socket)) this.counter.disconnected(this.channel);
  }

  /** Sends one message to every open socket; `payload` is serialised only if someone listens. */
  broadcast(payload: () => string): void {
    if (this.sockets.size === 0) return;
    const text = payload();
    for (const socket of this.sockets.keys()) {
      if (socket.readyState !== WebSocket.OPEN) continue;
      if (socket.bufferedAmount > this.limits.maxBufferedBytes) {
        this.drop(socket, 'not reading: send buffer over the cap', { bufferedBytes: socket.bufferedAmount });
        continue;
      }
      socket.send(text);
    }
  }

  private sweep(): void {
    for (const [socket, state] of this.sockets) {
      if (!state.alive) {
        this.drop(socket, 'no pong since the last heartbeat', {});
        continue;
      }
      state.alive = false;
      if (socket.readyState === WebSocket.OPEN) socket.ping();
    }
  }

  private drop(socket: WebSocket, reason: string, fields: Record<string, unknown>): void {
    this.logger.warn({ message: `dropped a live client: ${reason}`, channel: this.channel, ...fields });
    socket.terminate();
    this.remove(socket);
  }
}
