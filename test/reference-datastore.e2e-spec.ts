import { afterEach, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { REFERENCE_DATASTORE } from './helpers/fixtures.js';
import { createEngineHarness, type EngineHarness } from './helpers/engine-app.js';

const FIXTURE = REFERENCE_DATASTORE;
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('a datastore written by the earlier engine', () => {
  let harness: EngineHarness | undefined;
  const dirs: string[] = [];
  const tempDir = async (prefix: string) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await harness?.app.close();
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('loads baseline, preferences and checkpoint unchanged and warm-starts from it', async () => {
    const dataDir = await tempDir('sc-reference-');
    await cp(FIXTURE, dataDir, { recursive: true });
    harness = await createEngineHarness(dataDir, []);
    const http = request(harness.app.getHttpServer());
    const baselineFile = await readJson(join(FIXTURE, 'state', 'baseline.json'));
    const runtimeFile = await readJson(join(FIXTURE, 'state', 'runtime.json'));

    const baseline = (await http.get('/api/v1/baseline').expect(200)).body;
    expect(baseline).toEqual({ ready: true, sample_count: 1650, min_samples_required: 60, stats: baselineFile });
    expect((await http.get('/api/v1/preferences').expect(200)).body).toEqual(await readJson(join(FIXTURE, 'config', 'user_preferences.json')));

    const status = (await http.get('/api/v1/status').expect(200)).body;
    expect(status.engine).toMatchObject({ warm_started: true, previous_run_unclean: true, baseline_ready: true, baseline_samples: 1650 });
    expect(status.stress).toEqual(runtimeFile.last_stress);
    expect(status.stability).toEqual(runtimeFile.last_stability);
    expect(status.normalized).toEqual(runtimeFile.last_normalized);
    expect(status.anomaly).toEqual(runtimeFile.last_anomaly);
    expect(status.prediction).toEqual(runtimeFile.last_prediction);
    expect(status.alert.last_alert).toEqual(runtimeFile.alerts_recent[0]);
    expect((await http.get('/api/v1/alerts').expect(200)).body.alerts).toEqual(runtimeFile.alerts_recent);

    const info = (await http.get('/api/v1/storage/info').expect(200)).body;
    expect(info.runtime_checkpoint).toEqual({ path: join(dataDir, 'state', 'runtime.json'), previous_run_unclean: true });
  });

  it('migrates the same files from the legacy flat layout and loads them', async () => {
    const dataDir = await tempDir('sc-legacy-');
    await cp(join(FIXTURE, 'state', 'baseline.json'), join(dataDir, 'baseline.json'));
    await cp(join(FIXTURE, 'config', 'user_preferences.json'), join(dataDir, 'user_preferences.json'));
    harness = await createEngineHarness(dataDir, []);
    const http = request(harness.app.getHttpServer());
    const info = (await http.get('/api/v1/storage/info').expect(200)).body;
    expect(info.migration).toEqual({
      applied: true,
      moved: ['baseline.json -> state/baseline.json', 'user_preferences.json -> config/user_preferences.json'],
    });
    expect((await http.get('/api/v1/baseline').expect(200)).body.sample_count).toBe(1650);
    expect((await http.get('/api/v1/preferences').expect(200)).body.alert_disk_pressure).toBe(95);
  });
});
