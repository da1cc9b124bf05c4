import { Inject, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { Subscription } from 'rxjs';
import type { WebSocket } from 'ws';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { EngineEvents } from '../engine/engine-events.js';
import { LiveClients } from '../engine/live-clients.js';
import { LiveChannelHub } from './live-channel.hub.js';
import { LIVE_STREAM_LIMITS, type LiveStreamLimits } from './live-stream.limits.js';

export const LIVE_WS_PATH = '/ws/live';

/** `/ws/live`: the GET /api/v1/status body, one text message per cycle (SPEC §4). */
@WebSocketGateway({ path: LIVE_WS_PATH })
export class LiveGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly hub: LiveChannelHub;
  private subscription?: Subscription;

  constructor(
    private readonly events: EngineEvents,
    clients: LiveClients,
    @Inject(LIVE_STREAM_LIMITS) limits: LiveStreamLimits,
    @Inject(SENTRACORE_OPTIONS) options: SentraCoreOptions,
  ) {
    this.hub = new LiveChannelHub('live', limits, clients, options.http.corsOrigins);
  }

  onModuleInit(): void {
    this.hub.start();
    // The cycle calls this synchronously: a throw here must not reach the engine's cycle.
    this.subscription = this.events.cycles.subscribe(({ status }) => {
      try {
        this.hub.broadcast(() => JSON.stringify(status));
      } catch (error) {
        this.logger.error(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  handleConnection(socket: WebSocket, request?: IncomingMessage): void {
    this.hub.accept(socket, request);
  }

  handleDisconnect(socket: WebSocket): void {
    this.hub.remove(socket);
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
    this.hub.stop();
  }
}
