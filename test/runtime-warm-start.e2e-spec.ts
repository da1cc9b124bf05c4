import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bootEngine } from './helpers/boot-engine.js';
import { ManualClock } from '../src/common/manual-clock.fixture.js';
import { EngineService } from '../src/engine/engine.service.js';
import type { TelemetryScript } from '../src/telemetry/scripted.source.js';
import { REFERENCE_DATASTORE } from './helpers/fixtures.js';

// SPEC §7 warm start and clean stop, in-process: cycles are run by hand, time by a manual clock.

const FIXTURE = join(REFERENCE_DATASTORE, 'state', 'runtime.json');
const LAST_KEYS = ['stress', 'stability', 'anomaly', 'prediction', 'normalized'] as const;
const START_MS = Date.UTC(2026, 10, 27, 12, 0, 0);

type Json = Record<string, any>;

/** CPU at 97 % for every cycle: five breaching cycles in a row fire one alert. */
const HOT: TelemetryScript = [{ cpu: { percent: 97 }, memory: { percent: 50 } }];
const CALM: TelemetryScript = [{ cpu: { percent: 12.5 }, memory: { percent: 31 } }];

describe('runtime checkpoint: warm start and clean stop (SPEC §7, in-process)', () => {
  let dataDir: string;
  let clock: ManualClock;
  let app: NestFastifyApplication | undefined;

  const runtimeFile = () => join(dataDir, 'state', 'runtime.json');
  const onDisk = (): Json => JSON.parse(readFileSync(runtimeFile(), 'utf8')) as Json;
  const http = () => request(app!.getHttpServer());
  const status = async (): Promise<Json> => (await http().get('/api/v1/status').expect(200)).body as Json;
  const engine = () => app!.get(EngineService);

  async function boot(script: TelemetryScript): Promise<void> {
    app = await bootEngine({ dataDir, sampling: { enabled: false } }, { script, clock });
  }

  async function close(): Promise<void> {
    await app?.close();
    app = undefined;
  }

  async function cycles(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      clock.advance(2_000);
      await engine().runCycle();
    }
  }

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sentracore-warm-'));
    clock = new ManualClock(START_MS);
  });
  afterEach(async () => {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('first boot: no checkpoint is a first start (not an unclean run) and a blank warm status', async () => {
    await boot(CALM);
    const body = await status();
    expect(body.engine).toMatchObject({ previous_run_unclean: false, warm_started: true, uptime_samples: 0 });
    for (const key of [...LAST_KEYS, 'snapshot', 'trend'] as const) expect(body[key]).toBeNull();
    expect(body.alert.last_alert).toBeNull();
    // The run is marked as running at once, so a kill from now on is detected.
    expect(onDisk()).toMatchObject({ schema: 1, last_clean_shutdown: false, last_checkpoint_at: START_MS / 1000, alerts_recent: [] });
    const info = (await http().get('/api/v1/storage/info').expect(200)).body as Json;
    expect(info.runtime_checkpoint).toEqual({ path: runtimeFile(), previous_run_unclean: false });
  });

  it("serves the previous run's values and alerts until the first fresh cycle, then fresh ones", async () => {
    // Run 1: sustained CPU pressure fires an alert; a clean close writes the final checkpoint.
    await boot(HOT);
    await cycles(6);
    const before = await status();
    expect(before.snapshot.cpu.percent).toBe(97);
    expect(before.alert.total_fired).toBe(1);
    const fired = before.alert.last_alert as Json;
    expect(fired).toMatchObject({ level: expect.any(String), timestamp: (START_MS + 5 * 2_000) / 1000 });
    expect(fired.message).toContain('CPU');
    await close();

    const final = onDisk();
    expect(final.last_clean_shutdown).toBe(true);
    expect(final.alerts_recent).toEqual([fired]);
    for (const key of LAST_KEYS) expect(final[`last_${key}`]).toEqual(before[key]);
    const baseline = JSON.parse(readFileSync(join(dataDir, 'state', 'baseline.json'), 'utf8')) as Json;
    expect(baseline.global.cpu_percent).toMatchObject({ count: 6, mean: 97, min: 97, max: 97 });

    // Run 2, before any cycle: the checkpoint's values, flagged as a warm start after a clean stop.
    clock.advance(120_000);
    await boot(CALM);
    const warm = await status();
    expect(warm.engine).toMatchObject({ previous_run_unclean: false, warm_started: true, uptime_samples: 0 });
    for (const key of LAST_KEYS) expect(warm[key]).toEqual(before[key]);
    expect(warm.snapshot).toBeNull();
    expect(warm.trend).toBeNull();
    expect(warm.alert.last_alert).toEqual(fired);
    expect(warm.alert.recent_alerts).toEqual([{ timestamp: fired.timestamp, stress_score: fired.stress_score, level: fired.level, message: fired.message }]);
    expect((await http().get('/api/v1/alerts').expect(200)).body).toEqual({ alerts: [fired] });
    const info = (await http().get('/api/v1/storage/info').expect(200)).body as Json;
    expect(info.runtime_checkpoint).toEqual({ path: runtimeFile(), previous_run_unclean: false });
    expect(onDisk().last_clean_shutdown).toBe(false);

    // A checkpoint written before the first fresh cycle keeps the restored values and alerts.
    clock.advance(30_000);
    await engine().checkpoint();
    const early = onDisk();
    expect(early).toMatchObject({ last_clean_shutdown: false, last_checkpoint_at: clock.nowMs() / 1000, alerts_recent: [fired] });
    for (const key of LAST_KEYS) expect(early[`last_${key}`]).toEqual(before[key]);

    // The first fresh cycle replaces the checkpoint's values; the restored alert stays the last one.
    await cycles(1);
    const fresh = await status();
    expect(fresh.engine).toMatchObject({ previous_run_unclean: false, warm_started: false, uptime_samples: 1 });
    expect(fresh.snapshot.cpu.percent).toBe(12.5);
    expect(fresh.normalized.cpu.raw).toBe(12.5);
    expect(fresh.normalized.memory.raw).toBe(31);
    expect(fresh.stress.score).not.toBe(before.stress.score);
    expect(fresh.alert.last_alert).toEqual(fired);

    await engine().checkpoint();
    const after = onDisk();
    expect(after.alerts_recent).toEqual([fired]);
    for (const key of LAST_KEYS) expect(after[`last_${key}`]).toEqual(fresh[key]);
  });

  it('loads the reference checkpoint of the earlier engine as an unclean previous run', async () => {
    mkdirSync(join(dataDir, 'state'), { recursive: true });
    copyFileSync(FIXTURE, runtimeFile());
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Json;
    await boot(CALM);
    const warm = await status();
    expect(warm.engine).toMatchObject({ previous_run_unclean: true, warm_started: true });
    for (const key of LAST_KEYS) expect(warm[key]).toEqual(fixture[`last_${key}`]);
    expect(warm.stress.score).toBe(31.37);
    expect(warm.alert.last_alert).toEqual(fixture.alerts_recent[0]);
    expect(warm.alert.last_alert.stress_score).toBe(69.85);

    await engine().checkpoint();
    expect(onDisk().alerts_recent).toEqual(fixture.alerts_recent);
    expect(onDisk().last_normalized).toEqual(fixture.last_normalized);
  });

  it('after a crash, warm-starts from the last periodic checkpoint and reports the run as unclean', async () => {
    await boot(CALM);
    await cycles(3);
    await engine().checkpoint();
    const periodic = readFileSync(runtimeFile(), 'utf8');
    const atCheckpoint = await status();
    await cycles(2);
    await close();
    // What a kill right after that checkpoint leaves behind: the flag is still false.
    writeFileSync(runtimeFile(), periodic);

    await boot(CALM);
    const warm = await status();
    expect(warm.engine).toMatchObject({ previous_run_unclean: true, warm_started: true });
    for (const key of LAST_KEYS) expect(warm[key]).toEqual(atCheckpoint[key]);
  });

  it('a clean app.close() stops the engine and writes the final checkpoint with the flag true', async () => {
    await boot(CALM);
    await cycles(2);
    const last = await status();
    clock.advance(1_000);
    await close();
    const final = onDisk();
    expect(final).toMatchObject({ schema: 1, last_clean_shutdown: true, last_checkpoint_at: clock.nowMs() / 1000 });
    for (const key of LAST_KEYS) expect(final[`last_${key}`]).toEqual(last[key]);
    const baseline = JSON.parse(readFileSync(join(dataDir, 'state', 'baseline.json'), 'utf8')) as Json;
    expect(baseline.global.memory_percent).toMatchObject({ count: 2, mean: 31 });

    await boot(CALM);
    expect((await status()).engine).toMatchObject({ previous_run_unclean: false, warm_started: true });
  });
});
