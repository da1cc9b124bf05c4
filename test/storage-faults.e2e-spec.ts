import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bootEngine } from './helpers/boot-engine.js';
import { ManualClock } from '../src/common/manual-clock.fixture.js';
import { EngineService } from '../src/engine/engine.service.js';
import { nodeFs, type FsPort } from '../src/storage/fs.port.js';

// Issue 21 items 5 and 6: admin writes on a failing disk answer 503 STORAGE_UNAVAILABLE with the cause
// (never 500), change nothing in memory, and GET /health tells the truth: false as soon as a write fails,
// true as soon as writes succeed again — whichever folder failed, with no further admin call.

type Json = Record<string, any>;

const CODES: Record<string, string> = { ENOSPC: 'no space left on device', EROFS: 'read-only file system', EACCES: 'permission denied' };
const fsError = (code: string, call: string, path: string) => Object.assign(new Error(`${code}: ${CODES[code]}, ${call} '${path}'`), { code });

describe('storage faults on admin writes', () => {
  let dataDir: string;
  let clock: ManualClock;
  let app: NestFastifyApplication | undefined;
  /** The errno the injected filesystem answers with (temp-file opens and unlinks), or null. */
  const fault: { code: string | null } = { code: null };

  const http = () => request(app!.getHttpServer());
  const health = async (): Promise<Json> => ((await http().get('/api/v1/health').expect(200)).body as Json).storage as Json;
  const engine = () => app!.get(EngineService);
  const file = (...parts: string[]) => join(dataDir, ...parts);

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sentracore-faults-'));
    clock = new ManualClock(Date.UTC(2026, 10, 27, 12, 0, 0));
    fault.code = null;
    const fs: FsPort = {
      ...nodeFs,
      open: ((...args: Parameters<FsPort['open']>) =>
        fault.code && String(args[0]).endsWith('.tmp') ? Promise.reject(fsError(fault.code, 'open', String(args[0]))) : nodeFs.open(...args)) as FsPort['open'],
      unlink: ((...args: Parameters<FsPort['unlink']>) =>
        fault.code && String(args[0]).endsWith('.jsonl')
          ? Promise.reject(fsError(fault.code, 'unlink', String(args[0])))
          : nodeFs.unlink(...args)) as FsPort['unlink'],
    };
    app = await bootEngine({ dataDir, sampling: { enabled: false } }, { script: [{ cpu: { percent: 23 }, memory: { percent: 41 } }], clock, fs });
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(Object.keys(CODES))('PUT /preferences on %s: 503 with the cause, nothing changes, health false, then true once writes succeed', async (code) => {
    await http().put('/api/v1/preferences').send({ alert_cpu_percent: 70 }).expect(200);
    const before = readFileSync(file('config', 'user_preferences.json'), 'utf8');
    fault.code = code;
    const res = await http().put('/api/v1/preferences').send({ alert_cpu_percent: 50, anomaly_sensitivity: 'strict' }).expect(503);
    expect(res.body).toMatchObject({ statusCode: 503, error: 'STORAGE_UNAVAILABLE' });
    expect(res.body.message).toContain('persist preferences');
    expect(res.body.message).toContain(code);
    expect((await http().get('/api/v1/preferences').expect(200)).body).toMatchObject({ alert_cpu_percent: 70, anomaly_sensitivity: 'normal' });
    expect(readFileSync(file('config', 'user_preferences.json'), 'utf8')).toBe(before);
    expect(readdirSync(file('config')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const failing = await health();
    expect(failing.writable).toBe(false);
    expect(failing.last_error).toContain(code);

    fault.code = null;
    // No further PUT: the failed folder is re-probed, and health is true again.
    expect(await health()).toEqual({ writable: true, last_error: null });
  });

  it('a failed PUT in config/ is cleared by the next successful write elsewhere (a checkpoint), without a PUT', async () => {
    fault.code = 'ENOSPC';
    await http().put('/api/v1/preferences').send({ alert_cpu_percent: 50 }).expect(503);
    await expect(engine().checkpoint()).rejects.toThrow(/ENOSPC/);
    fault.code = null;
    await engine().checkpoint();
    // The probe the checkpoint's success started; /health is not what clears it here.
    const { StorageHealth } = await import('../src/storage/storage-health.js');
    const storage = app!.get(StorageHealth);
    await storage.recheck();
    expect([storage.writable, storage.lastErrorMessage]).toEqual([true, null]);
  });

  it('POST /state/reset/baseline on EROFS: 503, the baseline is kept in memory and on disk; recovery', async () => {
    for (let i = 0; i < 5; i++) {
      clock.advance(2000);
      await engine().runCycle();
    }
    await engine().persistBaseline();
    const onDisk = readFileSync(file('state', 'baseline.json'), 'utf8');
    expect((await http().get('/api/v1/baseline').expect(200)).body.sample_count).toBe(5);
    fault.code = 'EROFS';
    const res = await http().post('/api/v1/state/reset/baseline').expect(503);
    expect(res.body).toMatchObject({ error: 'STORAGE_UNAVAILABLE' });
    expect(res.body.message).toMatch(/persist the reset baseline: EROFS/);
    expect((await http().get('/api/v1/baseline').expect(200)).body.sample_count).toBe(5);
    expect(readFileSync(file('state', 'baseline.json'), 'utf8')).toBe(onDisk);
    expect((await health()).writable).toBe(false);

    fault.code = null;
    expect((await health()).writable).toBe(true);
    await http().post('/api/v1/state/reset/baseline').expect(200);
    expect((await http().get('/api/v1/baseline').expect(200)).body.sample_count).toBe(0);
  });

  it('DELETE /history on EROFS: 503 naming the cause, the files stay, health false; then recovery', async () => {
    writeFileSync(file('history', 'samples-2026-11-26.jsonl'), '');
    fault.code = 'EROFS';
    const res = await http().delete('/api/v1/history').expect(503);
    expect(res.body).toMatchObject({ error: 'STORAGE_UNAVAILABLE' });
    expect(res.body.message).toContain('EROFS');
    expect(readdirSync(file('history'))).toEqual(['samples-2026-11-26.jsonl']);
    expect((await health()).writable).toBe(false);
    fault.code = null;
    expect((await health()).writable).toBe(true);
    expect((await http().delete('/api/v1/history').expect(200)).body).toEqual({ ok: true, files_removed: 1 });
  });
});
