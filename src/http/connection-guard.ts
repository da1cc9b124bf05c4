import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Caps the connections a server holds open (each one is a file descriptor). At the cap, a new
 * connection first evicts the oldest one that has never sent a request (an idle or trickling
 * socket, what a flood consists of); only when every open connection is in use is the newcomer
 * closed. So a flood of idle sockets can neither exhaust the descriptors the datastore needs nor
 * lock out a client that actually asks something, such as GET /health.
 */
export class ConnectionGuard {
  /** Open connections in accept order; the value is whether the socket has started a request. */
  private readonly open = new Map<Socket, boolean>();
  evicted = 0;
  refused = 0;

  constructor(private readonly max: number) {}

  attach(server: Server): void {
    server.on('connection', (socket: Socket) => this.accept(socket));
    // 'request' comes once a request's headers are complete; upgraded (WebSocket) sockets count as in use too.
    server.on('request', (request: { socket: Socket }) => this.markUsed(request.socket));
    server.on('upgrade', (request: { socket: Socket }) => this.markUsed(request.socket));
  }

  get size(): number {
    return this.open.size;
  }

  accept(socket: Socket): void {
    if (this.open.size >= this.max && !this.evictIdle()) {
      this.refused++;
      socket.destroy();
      return;
    }
    this.open.set(socket, false);
    socket.once('close', () => this.open.delete(socket));
  }

  markUsed(socket: Socket): void {
    if (this.open.has(socket)) this.open.set(socket, true);
  }

  private evictIdle(): boolean {
    for (const [socket, used] of this.open) {
      if (used) continue;
      this.open.delete(socket);
      socket.destroy();
      this.evicted++;
      return true;
    }
    return false;
  }
}
