import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { OnGatewayConnection, OnGatewayDisconnect } from '@nestjs/websockets';
import type { IncomingMessage } from 'node:http';
import type { Observable, Subscription } from 'rxjs';
import type { WebSocket } from 'ws';
import type { LiveChannel, LiveClients } from '../engine/live-clients.js';
import { LiveChannelHub } from './live-channel.hub.js';
import type { LiveStreamLimits } from './live-stream.limits.js';
import { asError } from '../common/as-error.js';

/** What a channel streams and how each item becomes one text message. */
export interface ChannelFeed<T> {
  channel: LiveChannel;
  items: Observable<T>;
  toText: (item: T) => string;
}

/** A WebSocket channel that relays one engine stream to its clients (the gateways only choose the path and feed). */
export abstract class ChannelGateway<T> implements OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly hub: LiveChannelHub;
  private subscription?: Subscription;

  protected constructor(
    private readonly feed: ChannelFeed<T>,
    clients: LiveClients,
    limits: LiveStreamLimits,
    corsOrigins: readonly string[],
  ) {
    this.logger = new Logger(new.target.name);
    this.hub = new LiveChannelHub(feed.channel, limits, clients, corsOrigins);
  }

  onModuleInit(): void {
    this.hub.start();
    // The cycle calls this synchronously: a throw here must not reach the engine's cycle.
    this.subscription = this.feed.items.subscribe((item) => {
      try {
        this.hub.broadcast(() => this.feed.toText(item));
      } catch (error) {
        this.logger.error(asError(error));
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
