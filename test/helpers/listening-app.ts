import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import type { RawOptions } from '../../src/config/resolve-options.js';
import { EngineEvents } from '../../src/engine/engine-events.js';
import { EngineService } from '../../src/engine/engine.service.js';
import type { Clock } from '../../src/common/clock.js';
import type { LiveStreamLimits } from '../../src/live/live-stream.limits.js';
import type { TelemetryScript } from '../../src/telemetry/scripted.source.js';
import { bootEngine } from './boot-engine.js';

export interface ListeningApp {
  app: NestFastifyApplication;
  engine: EngineService;
  events: EngineEvents;
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  port: number;
}

export interface ListeningAppOptions {
  engine?: RawOptions;
  script?: TelemetryScript;
  clock?: Clock;
  limits?: LiveStreamLimits;
  openApiJson?: boolean;
}

/**
 * The engine as the standalone server wires it (SentraCoreModule + LiveSocketsModule, ws adapter),
 * listening on a free loopback port so real clients (WebSocket, fetch, Prometheus) can reach it.
 * Sampling is off unless `engine.sampling.enabled` says otherwise; tests run cycles by hand.
 */
export async function createListeningApp(dataDir: string, options: ListeningAppOptions = {}): Promise<ListeningApp> {
  const engineOptions: RawOptions = { dataDir, telemetry: { source: 'scripted' }, ...options.engine };
  engineOptions.sampling = { enabled: false, ...options.engine?.sampling };
  const app = await bootEngine(engineOptions, {
    script: options.script ?? [],
    clock: options.clock,
    limits: options.limits,
    ws: true,
    openApiJson: options.openApiJson,
    listen: true,
  });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, engine: app.get(EngineService), events: app.get(EngineEvents), baseUrl: `http://127.0.0.1:${port}`, port };
}

/** A WebSocket client that records every text message with the time it arrived. */
export class RecordingSocket {
  readonly messages: { data: string; atMs: number }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.messages.push({ data: String(data), atMs: Date.now() }));
    this.closed = new Promise((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<RecordingSocket> {
    const socket = new WebSocket(url, { headers });
    const recording = new RecordingSocket(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(recording));
      socket.once('error', reject);
    });
  }

  json<T = Record<string, unknown>>(index: number): T {
    return JSON.parse(this.messages[index].data) as T;
  }

  close(): void {
    this.socket.close();
  }
}

export { eventually } from './wait-for.js';
