import { ScheduleModule } from '@nestjs/schedule';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { CLOCK } from '../../src/common/clock.js';
import { ManualClock } from '../../src/common/manual-clock.fixture.js';
import type { RawOptions } from '../../src/config/resolve-options.js';
import { EngineService } from '../../src/engine/engine.service.js';
import { createFastifyAdapter } from '../../src/http/fastify-adapter.js';
import { SentraCoreModule } from '../../src/sentra-core.module.js';
import { ScriptedTelemetrySource, type TelemetryScript } from '../../src/telemetry/scripted.source.js';
import { TELEMETRY_SOURCE } from '../../src/telemetry/telemetry-source.js';

export interface EngineHarness {
  app: NestFastifyApplication;
  engine: EngineService;
  clock: ManualClock;
  /** Runs `count` cycles by hand, advancing the clock one collection interval before each. */
  cycles(count: number): Promise<void>;
}

/** The engine on a temp datastore, driven cycle by cycle from a script and a manual clock starting at `startMs`. */
export async function createEngineHarness(
  dataDir: string,
  script: TelemetryScript,
  options: RawOptions = {},
  startMs = Date.UTC(2026, 10, 27, 9, 0, 0),
): Promise<EngineHarness> {
  const clock = new ManualClock(startMs);
  const moduleRef = await Test.createTestingModule({
    imports: [ScheduleModule.forRoot(), SentraCoreModule.forRoot({ dataDir, sampling: { enabled: false }, ...options })],
  })
    .overrideProvider(TELEMETRY_SOURCE)
    .useValue(new ScriptedTelemetrySource(script))
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const engine = app.get(EngineService);
  const intervalMs = (options.sampling?.collectionIntervalSec ?? 2) * 1000;
  return {
    app,
    engine,
    clock,
    async cycles(count: number) {
      for (let i = 0; i < count; i++) {
        clock.advance(intervalMs);
        await engine.runCycle();
      }
    },
  };
}
