import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createEngineHarness, type EngineHarness } from './helpers/engine-app.js';

describe('GET|PUT /api/v1/preferences', () => {
  let harness: EngineHarness;
  let file: string;
  let dataDir: string;
  const http = () => request(harness.app.getHttpServer());

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sc-prefs-'));
    file = join(dataDir, 'config', 'user_preferences.json');
    harness = await createEngineHarness(dataDir, []);
  });
  afterEach(async () => {
    await harness.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the defaults of the reference engine', async () => {
    expect((await http().get('/api/v1/preferences').expect(200)).body).toEqual({
      alert_cpu_percent: 85,
      alert_memory_percent: 85,
      alert_disk_pressure: 80,
      safeguard_enabled: false,
      safeguard_process_names: [],
      anomaly_sensitivity: 'normal',
    });
  });

  it('validates, clamps, persists and answers 200 with the new preferences', async () => {
    const res = await http()
      .put('/api/v1/preferences')
      .send({ alert_cpu_percent: 150, alert_memory_percent: 0, anomaly_sensitivity: 'strict', safeguard_process_names: ['backup.exe'] })
      .expect(200);
    const expected = {
      alert_cpu_percent: 100,
      alert_memory_percent: 1,
      alert_disk_pressure: 80,
      safeguard_enabled: false,
      safeguard_process_names: ['backup.exe'],
      anomaly_sensitivity: 'strict',
    };
    expect(res.body).toEqual({ ok: true, preferences: expected });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(expected);
    expect((await http().get('/api/v1/preferences').expect(200)).body).toEqual(expected);
  });

  it('clamps numbers that print in exponent form (a 500 once, found by the fuzz test)', async () => {
    const res = await http()
      .put('/api/v1/preferences')
      .send('{"alert_memory_percent":6e-323,"alert_cpu_percent":1e-7}')
      .set('content-type', 'application/json')
      .expect(200);
    expect(res.body.preferences).toMatchObject({ alert_memory_percent: 1, alert_cpu_percent: 1 });
  });

  it.each([
    ['a wrong type', { alert_cpu_percent: 'ninety' }, 'alert_cpu_percent'],
    ['a string boolean', { safeguard_enabled: 'yes' }, 'safeguard_enabled'],
    ['the string "false" (the earlier engine took it as enabled)', { safeguard_enabled: 'false' }, 'safeguard_enabled'],
    ['a number for a boolean', { safeguard_enabled: 0 }, 'safeguard_enabled'],
    ['an unknown key', { alert_gpu_percent: 50 }, 'alert_gpu_percent'],
    ['an out-of-range sensitivity', { anomaly_sensitivity: 'extreme' }, 'anomaly_sensitivity'],
    ['a list of numbers', { safeguard_process_names: [1, 2] }, 'safeguard_process_names'],
    ['a number for the names', { safeguard_process_names: 7 }, 'safeguard_process_names'],
    ['NaN-like infinity', { alert_disk_pressure: 1e308 }, 'alert_disk_pressure'],
  ])('rejects %s with 400 naming the field, leaving the file untouched', async (_name, body, field) => {
    await http().put('/api/v1/preferences').send({ alert_cpu_percent: 70 }).expect(200);
    const before = await readFile(file, 'utf8');
    const res = await http().put('/api/v1/preferences').send(body).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(field);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('takes the names as a list or as one string split on newlines, commas and semicolons (the earlier engine)', async () => {
    const res = await http()
      .put('/api/v1/preferences')
      .send({ safeguard_process_names: 'Backup-Agent;\nrender, backup-agent', safeguard_enabled: true })
      .expect(200);
    const names = process.platform === 'win32' ? ['backup-agent.exe', 'render.exe'] : ['backup-agent', 'render'];
    expect(res.body.preferences).toMatchObject({ safeguard_enabled: true, safeguard_process_names: names });
    expect(JSON.parse(await readFile(file, 'utf8')).safeguard_process_names).toEqual(names);
  });

  // Issue 21 item 1: a fresh DTO carries all six keys as undefined, and the merge used to copy them.
  it('a partial PUT changes only the keys present, in memory and in the file', async () => {
    const first = { alert_memory_percent: 70, safeguard_enabled: true, safeguard_process_names: ['backup.exe'], anomaly_sensitivity: 'strict' };
    await http().put('/api/v1/preferences').send(first).expect(200);
    const res = await http().put('/api/v1/preferences').send({ alert_cpu_percent: 50 }).expect(200);
    const expected = { alert_cpu_percent: 50, alert_disk_pressure: 80, ...first };
    expect(res.body).toEqual({ ok: true, preferences: expected });
    expect((await http().get('/api/v1/preferences').expect(200)).body).toEqual(expected);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(expected);
  });

  it.each(['alert_cpu_percent', 'alert_memory_percent', 'alert_disk_pressure', 'safeguard_enabled', 'safeguard_process_names', 'anomaly_sensitivity'])(
    'an explicit null for %s is a 400 naming the field; nothing changes',
    async (field) => {
      await http().put('/api/v1/preferences').send({ alert_cpu_percent: 70, safeguard_enabled: true }).expect(200);
      const before = await readFile(file, 'utf8');
      const res = await http()
        .put('/api/v1/preferences')
        .send({ [field]: null })
        .expect(400);
      expect(JSON.stringify(res.body.message)).toContain(field);
      expect(await readFile(file, 'utf8')).toBe(before);
      expect((await http().get('/api/v1/preferences').expect(200)).body).toMatchObject({ alert_cpu_percent: 70, safeguard_enabled: true });
    },
  );
});
