import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ManualClock } from '../../src/common/manual-clock.fixture.js';
import type { RawOptions } from '../../src/config/resolve-options.js';
import { EngineService } from '../../src/engine/engine.service.js';
import type { TelemetryScript } from '../../src/telemetry/scripted.source.js';
import { bootEngine } from './boot-engine.js';

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
  const app = await bootEngine({ dataDir, sampling: { enabled: false }, ...options }, { script, clock });
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
