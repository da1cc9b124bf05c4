import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { ScriptedStep } from '../src/telemetry/scripted.source.js';
import { createEngineHarness, type EngineHarness } from './helpers/engine-app.js';
import { REFERENCE_RESPONSES } from './helpers/fixtures.js';

const REFERENCE_STATUS = JSON.parse(readFileSync(join(REFERENCE_RESPONSES, 'status.json'), 'utf8')) as Record<string, unknown>;

const hog = { pid: 777, name: 'cpu-hog', cpu_percent: 85, memory_percent: 3, memory_rss: 500_000_000, status: 'running', create_time: 1_700_000_000 };
const idle = { pid: 4100, name: 'browser', cpu_percent: 2, memory_percent: 6, memory_rss: 900_000_000, status: 'sleeping', create_time: 1_700_000_000 };

/** 70 quiet cycles (a ready baseline), a 25-cycle climb to 98 % cpu with memory at 82 %, 15 cycles held there, then quiet again. */
function risingCpu(cycle: number): ScriptedStep {
  const busy = cycle >= 70 && cycle < 110;
  const cpu = cycle < 70 ? 8 + (cycle % 3) : cycle < 95 ? 8 + (cycle - 70) * 3.6 : cycle < 110 ? 98 : 8;
  return { cpu: { percent: cpu }, memory: { percent: busy ? 82 : 40 }, processes: busy ? [hog, idle] : [idle] };
}

/** Key paths of a JSON value (arrays by their first element), to compare shapes key for key. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length ? keyPaths(value[0], `${prefix}[]`) : [];
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => [`${prefix}.${key}`, ...keyPaths(child, `${prefix}.${key}`)]);
}

describe('engine (scripted telemetry)', () => {
  let harness: EngineHarness;
  let dataDir: string;
  const http = () => request(harness.app.getHttpServer());

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sc-engine-'));
    harness = await createEngineHarness(dataDir, risingCpu);
  });
  afterEach(async () => harness.app.close());

  it('detects growth, raises stress, fires a CPU alert with a root cause and logs spike events', async () => {
    await harness.cycles(85);
    const climbing = (await http().get('/api/v1/status').expect(200)).body;
    expect(climbing.trend.is_cpu_growing).toBe(true);
    expect(climbing.trend.cpu_slope).toBeGreaterThan(0.5);
    expect(climbing.engine.baseline_ready).toBe(true);

    await harness.cycles(25);
    const hot = (await http().get('/api/v1/status').expect(200)).body;
    expect(['high', 'critical']).toContain(hot.stress.level);
    expect(hot.stress.pressures.cpu).toBeGreaterThanOrEqual(85);
    expect(hot.anomaly.level).not.toBe('normal');

    const { alerts } = (await http().get('/api/v1/alerts').expect(200)).body;
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts[0].root_cause.primary_bottleneck).toBe('cpu');
    expect(alerts[0].root_cause.suspect_process).toMatchObject({ pid: 777, name: 'cpu-hog' });
    expect(alerts[0].message).toMatch(/CPU/);
    expect(hot.alert.total_fired).toBe(alerts.length);
    expect(hot.alert.last_alert).toEqual(alerts[0]);

    const top = (await http().get('/api/v1/processes?limit=1').expect(200)).body.processes;
    expect(top).toHaveLength(1);
    expect(top[0].name).toBe('cpu-hog');

    // calm again: the hog is off the list, and leaves the process statistics at that scan
    await harness.cycles(5);
    expect((await http().get('/api/v1/processes').expect(200)).body.processes.map((p: { name: string }) => p.name)).toEqual(['browser']);
    const events = (await http().get('/api/v1/events').expect(200)).body.events as { event_type: string; severity: string; details: object }[];
    expect(events.length).toBeLessThanOrEqual(50); // the newest 50, as the earlier engine serves them
    const types = events.map((e) => `${e.event_type}:${e.severity}`);
    expect(types).toEqual(expect.arrayContaining(['cpu_spike:warning', 'cpu_spike:info'])); // the spike began and ended
    expect(types.some((t: string) => t.startsWith('stress_level'))).toBe(true);
    expect(events.find((e) => e.event_type === 'cpu_spike')?.details).toMatchObject({ description: expect.any(String) });
  });

  it('serves /status with the reference keys, key for key', async () => {
    await harness.cycles(3);
    const status = (await http().get('/api/v1/status').expect(200)).body;
    const ignoreArrays = (paths: string[]) => paths.filter((p) => !p.includes('[]'));
    expect(ignoreArrays(keyPaths(status)).sort()).toEqual(ignoreArrays(keyPaths(REFERENCE_STATUS)).sort());
    expect(Object.keys(status)).toEqual(Object.keys(REFERENCE_STATUS));
    expect(status.buffers).toEqual({ short: { count: 3, capacity: 150 }, long: { count: 3, capacity: 1800 } });
  });

  it('validates /processes limit', async () => {
    for (const limit of ['0', '101', 'abc', '1.5']) {
      const res = await http().get(`/api/v1/processes?limit=${limit}`).expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(/limit/);
    }
  });

  it('resets the baseline, persists it empty and keeps sampling', async () => {
    await harness.cycles(10);
    expect((await http().get('/api/v1/baseline').expect(200)).body.sample_count).toBe(10);
    expect((await http().post('/api/v1/state/reset/baseline').expect(200)).body).toEqual({ ok: true });
    const onDisk = JSON.parse(await readFile(join(dataDir, 'state', 'baseline.json'), 'utf8'));
    expect(onDisk.global.cpu_percent.count).toBe(0);
    await harness.cycles(2);
    const baseline = (await http().get('/api/v1/baseline').expect(200)).body;
    expect(baseline).toMatchObject({ ready: false, sample_count: 2, min_samples_required: 60 });
  });
});
