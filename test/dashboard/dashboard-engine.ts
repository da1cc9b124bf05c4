import { ScheduleModule } from '@nestjs/schedule';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { Test } from '@nestjs/testing';
import type { AddressInfo } from 'node:net';
import { CLOCK } from '../../src/common/clock.js';
import { ManualClock } from '../../src/common/manual-clock.fixture.js';
import { EngineService } from '../../src/engine/engine.service.js';
import { configureHttp } from '../../src/http/configure-http.js';
import { createFastifyAdapter } from '../../src/http/fastify-adapter.js';
import { LiveSocketsModule } from '../../src/live/live-sockets.module.js';
import { SentraCoreModule } from '../../src/sentra-core.module.js';
import { ScriptedTelemetrySource, type TelemetryScript } from '../../src/telemetry/scripted.source.js';
import { TELEMETRY_SOURCE } from '../../src/telemetry/telemetry-source.js';
import { sandboxCleanup } from '../helpers/cleanup-sandbox.js';

/** The engine the dashboard talks to in a contract scenario. */
export interface DashboardEngine {
  app: NestFastifyApplication;
  engine: EngineService;
  baseUrl: string;
  wsUrl: string;
  /** Runs `count` cycles: a scripted engine advances its clock 2 s each, a real one waits `realGapMs`. */
  cycles(count: number): Promise<void>;
  close(): Promise<void>;
}

export type Telemetry = { kind: 'system'; realGapMs: number } | { kind: 'scripted'; script: TelemetryScript };

/**
 * The engine wired as main.ts wires it (SentraCoreModule, the WebSockets, the Fastify adapter and
 * HTTP policy of the standalone server) on a datastore, listening on a free loopback port. Sampling
 * is driven by hand so each scenario decides how many cycles the dashboard sees. History samples
 * every cycle (2 s) so the 7-day sync has something to fetch.
 */
export async function startDashboardEngine(dataDir: string, telemetry: Telemetry): Promise<DashboardEngine> {
  const scripted = telemetry.kind === 'scripted';
  let builder = Test.createTestingModule({
    imports: [
      ScheduleModule.forRoot(),
      SentraCoreModule.forRoot({
        cleanup: sandboxCleanup(),
        dataDir,
        sampling: { enabled: false, collectionIntervalSec: 2, processRefreshCycles: 1 },
        telemetry: { source: scripted ? 'scripted' : 'system' },
        history: { sampleIntervalSec: 2 },
      }),
      LiveSocketsModule,
    ],
  });
  // An hour ago, so the samples fall inside the dashboard's "last 7 days" by the real clock.
  const clock = new ManualClock(Date.now() - 3_600_000);
  if (scripted) {
    builder = builder.overrideProvider(TELEMETRY_SOURCE).useValue(new ScriptedTelemetrySource(telemetry.script)).overrideProvider(CLOCK).useValue(clock);
  }
  const app = (await builder.compile()).createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { logger: false });
  app.useWebSocketAdapter(new WsAdapter(app));
  configureHttp(app, { bindHost: '127.0.0.1', allowedHosts: [], corsOrigins: [] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const engine = app.get(EngineService);
  return {
    app,
    engine,
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    async cycles(count: number) {
      for (let i = 0; i < count; i++) {
        if (scripted) clock.advance(2000);
        else await new Promise((resolve) => setTimeout(resolve, telemetry.realGapMs));
        await engine.runCycle();
      }
    },
    close: () => app.close(),
  };
}
