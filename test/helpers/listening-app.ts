import { ScheduleModule } from '@nestjs/schedule';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { CLOCK, type Clock } from '../../src/common/clock.js';
import type { RawOptions } from '../../src/config/resolve-options.js';
import { EngineEvents } from '../../src/engine/engine-events.js';
import { EngineService } from '../../src/engine/engine.service.js';
import { LiveSocketsModule } from '../../src/live/live-sockets.module.js';
import { LIVE_STREAM_LIMITS, type LiveStreamLimits } from '../../src/live/live-stream.limits.js';
import { mountSwagger } from '../../src/openapi/swagger.js';
import { SentraCoreModule } from '../../src/sentra-core.module.js';
import { ScriptedTelemetrySource, type TelemetryScript } from '../../src/telemetry/scripted.source.js';
import { TELEMETRY_SOURCE } from '../../src/telemetry/telemetry-source.js';

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
  let builder = Test.createTestingModule({
    imports: [ScheduleModule.forRoot(), SentraCoreModule.forRoot(engineOptions), LiveSocketsModule],
  })
    .overrideProvider(TELEMETRY_SOURCE)
    .useValue(new ScriptedTelemetrySource(options.script ?? []));
  if (options.clock) builder = builder.overrideProvider(CLOCK).useValue(options.clock);
  if (options.limits) builder = builder.overrideProvider(LIVE_STREAM_LIMITS).useValue(options.limits);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  app.useWebSocketAdapter(new WsAdapter(app));
  if (options.openApiJson) mountSwagger(app, undefined, { ui: false });
  await app.listen(0, '127.0.0.1');
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

/** Polls until `check()` holds, or fails naming `what` after `timeoutMs`. */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
