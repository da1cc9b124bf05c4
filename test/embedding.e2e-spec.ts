import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostApp } from '../examples/embedded-host/bootstrap.js';
import { EngineEvents } from '../src/index.js';
import { eventually, RecordingSocket } from './helpers/listening-app.js';
import { sandboxCleanup } from './helpers/cleanup-sandbox.js';

// examples/embedded-host: a host Nest app with its own module and controller imports
// SentraCoreModule.forRoot({...}); the engine samples on the host's intervals, keeps its data in the
// host's folder, serves its routes beside the host's, and stops cleanly with the host's app.close().

const COLLECTION_INTERVAL_SEC = 0.2;

describe('embedding in a host application (examples/embedded-host)', () => {
  let root: string;
  let dataDir: string;
  let app: NestFastifyApplication;
  let baseUrl: string;
  const cycleTimesMs: number[] = [];
  const get = async (path: string) => {
    const response = await fetch(baseUrl + path);
    expect(response.status).toBe(200);
    return response;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-host-'));
    dataDir = join(root, 'host-data', 'sentracore');
    app = await createHostApp(
      {
        dataDir,
        collectionIntervalSec: COLLECTION_INTERVAL_SEC,
        historySampleIntervalSec: COLLECTION_INTERVAL_SEC,
        checkpointIntervalSec: 0.4,
        cleanup: sandboxCleanup(),
      },
      { logger: false, swaggerUi: false }, // the UI itself: swagger-ui.e2e-spec.ts, in a browser
    );
    app.get(EngineEvents).cycles.subscribe(() => cycleTimesMs.push(performance.now()));
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("serves the host's own route, reading the engine through its exported service", async () => {
    await eventually('a first cycle', () => cycleTimesMs.length >= 1);
    const hello = (await (await get('/host/hello')).json()) as Record<string, unknown>;
    expect(hello).toMatchObject({ app: 'embedded-host', engine_version: expect.any(String), stress_level: expect.any(String) });
    expect(hello.engine_cycles).toBeGreaterThanOrEqual(1);
  });

  it("serves the engine's routes beside it: REST, /metrics, /openapi.json, /ws/live", async () => {
    expect(await (await get('/api/v1/health')).json()).toMatchObject({ status: 'running', engine: true });
    expect(((await (await get('/api/v1/status')).json()) as { engine: { warm_started: boolean } }).engine.warm_started).toBe(false);
    expect(await (await get('/metrics')).text()).toMatch(/^sentracore_cycles_total \d+$/m);
    expect(Object.keys(((await (await get('/openapi.json')).json()) as { paths: object }).paths)).toContain('/api/v1/status');
    const live = await RecordingSocket.open(`${baseUrl.replace('http', 'ws')}/ws/live`);
    await eventually('a cycle on /ws/live', () => live.messages.length >= 1);
    live.close();
  });

  it("samples on the host's interval", async () => {
    const from = cycleTimesMs.length;
    await eventually('ten more cycles', () => cycleTimesMs.length >= from + 10, 10_000);
    const gaps = cycleTimesMs
      .slice(from, from + 10)
      .map((t, i, all) => (i ? t - all[i - 1] : NaN))
      .slice(1)
      .sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)];
    expect(median).toBeGreaterThan(COLLECTION_INTERVAL_SEC * 1000 * 0.75);
    expect(median).toBeLessThan(COLLECTION_INTERVAL_SEC * 1000 * 1.5);
  });

  it('keeps the datastore in the host-given folder', async () => {
    const info = (await (await get('/api/v1/storage/info')).json()) as { root: string; history: { total_samples: number } };
    expect(info.root).toBe(dataDir);
    expect(readdirSync(dataDir).sort()).toEqual(['cache', 'config', 'history', 'logs', 'reports', 'state']);
    expect(readdirSync(join(dataDir, 'history')).some((name) => /^samples-\d{4}-\d{2}-\d{2}\.jsonl$/.test(name))).toBe(true);
    expect(info.history.total_samples).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'state', 'runtime.json'))).toBe(true);
  });

  it("stops cleanly through the host's app.close(): final checkpoint flagged clean, baseline persisted, process alive", async () => {
    const live = await RecordingSocket.open(`${baseUrl.replace('http', 'ws')}/ws/live`);
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    await live.closed;
    const runtime = JSON.parse(readFileSync(join(dataDir, 'state', 'runtime.json'), 'utf8')) as { last_clean_shutdown: boolean; last_stress: unknown };
    expect(runtime.last_clean_shutdown).toBe(true);
    expect(runtime.last_stress).toMatchObject({ score: expect.any(Number) });
    const baseline = JSON.parse(readFileSync(join(dataDir, 'state', 'baseline.json'), 'utf8')) as { global: { cpu_percent: { count: number } } };
    expect(baseline.global.cpu_percent.count).toBeGreaterThan(10);
    // Sampling stopped with the host: no cycle after close.
    const cycles = cycleTimesMs.length;
    await new Promise((resolve) => setTimeout(resolve, 3 * COLLECTION_INTERVAL_SEC * 1000));
    expect(cycleTimesMs.length).toBe(cycles);
  });
});
