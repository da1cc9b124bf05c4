import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bootEngine } from './helpers/boot-engine.js';
import { ManualClock } from '../src/common/manual-clock.fixture.js';
import { EngineService } from '../src/engine/engine.service.js';
import { nodeFs, type FsPort } from '../src/storage/fs.port.js';
import { engineEnv, freePort, requireDist, run, waitFor, type Running } from './helpers/child-process.js';

// Degraded storage (issue #5): a failing write is logged and reported by GET /health, the engine keeps
// sampling and serving, and recovers with the next successful write. Tests run as root, where chmod
// does not stop writes, so the faults are a folder replaced by a plain file or a failing FsPort.

type Json = Record<string, any>;

const fsError = (code: string, message: string) => Object.assign(new Error(`${code}: ${message}`), { code });

describe('degraded storage, in-process', () => {
  let dataDir: string;
  let clock: ManualClock;
  let app: NestFastifyApplication | undefined;
  /** Set to make the injected filesystem fail like a full disk. */
  const faults = { appendFile: false, open: false };

  const http = () => request(app!.getHttpServer());
  const health = async (): Promise<Json> => ((await http().get('/api/v1/health').expect(200)).body as Json).storage as Json;
  const status = async (): Promise<Json> => (await http().get('/api/v1/status').expect(200)).body as Json;
  const engine = () => app!.get(EngineService);
  const section = (name: string) => join(dataDir, name);
  const historyLines = () =>
    readdirSync(section('history')).flatMap((name) =>
      readFileSync(join(section('history'), name), 'utf8')
        .trimEnd()
        .split('\n'),
    );
  // History keeps one sample per 30 s by default: each cycle moves the clock past that.
  const cycle = async () => {
    clock.advance(30_000);
    await engine().runCycle();
  };
  const replaceByFile = (name: string) => {
    rmSync(section(name), { recursive: true, force: true });
    writeFileSync(section(name), 'not a folder');
  };
  const restoreFolder = (name: string) => {
    rmSync(section(name), { force: true });
    mkdirSync(section(name));
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sentracore-degraded-'));
    clock = new ManualClock(Date.UTC(2026, 10, 27, 12, 0, 0));
    faults.appendFile = false;
    faults.open = false;
    const fs: FsPort = {
      ...nodeFs,
      appendFile: ((...args: Parameters<FsPort['appendFile']>) =>
        faults.appendFile ? Promise.reject(fsError('ENOSPC', 'no space left on device, write')) : nodeFs.appendFile(...args)) as FsPort['appendFile'],
      open: ((...args: Parameters<FsPort['open']>) =>
        faults.open && String(args[0]).endsWith('.tmp')
          ? Promise.reject(fsError('ENOSPC', `no space left on device, open '${String(args[0])}'`))
          : nodeFs.open(...args)) as FsPort['open'],
    };
    app = await bootEngine({ dataDir, sampling: { enabled: false } }, { script: [{ cpu: { percent: 23 }, memory: { percent: 41 } }], clock, fs });
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('history/ replaced by a file: health false, sampling goes on, a state/ write does not hide it, recovery', async () => {
    await cycle();
    expect(await health()).toEqual({ writable: true, last_error: null });
    expect(historyLines()).toHaveLength(1);

    replaceByFile('history');
    await cycle();
    const failing = await health();
    expect(failing.writable).toBe(false);
    expect(failing.last_error).toMatch(/^append history sample: ENOTDIR/);
    // The engine keeps sampling and serving.
    expect((await status()).engine.uptime_samples).toBe(2);
    // A successful write elsewhere (the checkpoint in state/) must not report history as writable.
    await engine().checkpoint();
    expect(JSON.parse(readFileSync(join(section('state'), 'runtime.json'), 'utf8')).last_normalized.cpu.raw).toBe(23);
    expect((await health()).writable).toBe(false);

    restoreFolder('history');
    await cycle();
    expect(await health()).toEqual({ writable: true, last_error: null });
    expect((await status()).engine.uptime_samples).toBe(3);
    expect(historyLines().map((line) => (JSON.parse(line) as Json).at)).toEqual([clock.nowMs() / 1000]);
  });

  it('state/ replaced by a file: the checkpoint fails and is reported until state/ is back', async () => {
    await cycle();
    replaceByFile('state');
    await expect(engine().checkpoint()).rejects.toThrow(/ENOTDIR/);
    let storage = await health();
    expect(storage.writable).toBe(false);
    expect(storage.last_error).toContain(join(section('state'), 'runtime.json'));
    // Cycles (and their history appends) go on and do not clear the state/ failure.
    await cycle();
    await cycle();
    expect((await status()).engine.uptime_samples).toBe(3);
    expect(historyLines()).toHaveLength(3);
    expect((await health()).writable).toBe(false);

    restoreFolder('state');
    await engine().checkpoint();
    storage = await health();
    expect(storage).toEqual({ writable: true, last_error: null });
    expect(JSON.parse(readFileSync(join(section('state'), 'runtime.json'), 'utf8'))).toMatchObject({ schema: 1, last_clean_shutdown: false });
  });

  it('a full disk (failing FsPort): appends and checkpoints fail, no temp file is left, both recover', async () => {
    await cycle();
    faults.appendFile = true;
    faults.open = true;
    await cycle();
    await expect(engine().checkpoint()).rejects.toThrow(/ENOSPC/);
    const storage = await health();
    expect(storage.writable).toBe(false);
    expect(storage.last_error).toMatch(/runtime\.json: ENOSPC/);
    expect((await status()).snapshot.cpu.percent).toBe(23);
    expect(readdirSync(section('state')).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    faults.open = false;
    await engine().checkpoint();
    // state/ is fine again, but history still cannot append.
    expect((await health()).last_error).toMatch(/^append history sample: ENOSPC/);
    faults.appendFile = false;
    await cycle();
    expect(await health()).toEqual({ writable: true, last_error: null });
    expect(historyLines()).toHaveLength(2);
  });

  it('deleting cache/, logs/ and reports/ while running is harmless', async () => {
    writeFileSync(join(section('cache'), 'derived.bin'), Buffer.alloc(64));
    for (const name of ['cache', 'logs', 'reports']) rmSync(section(name), { recursive: true, force: true });
    await cycle();
    await engine().checkpoint();
    expect(await health()).toEqual({ writable: true, last_error: null });
    const info = (await http().get('/api/v1/storage/info').expect(200)).body as Json;
    for (const name of ['cache', 'logs', 'reports']) expect(info.sections[name]).toEqual({ path: section(name), bytes: 0 });
    expect((await http().post('/api/v1/storage/cache/clear').expect(200)).body).toEqual({ ok: true, files_removed: 0, bytes_freed: 0 });
    expect((await status()).engine.uptime_samples).toBe(1);
  });
});

describe('degraded storage, real process', () => {
  let dir: string;
  let engine: Running | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-degraded-proc-'));
  });
  afterEach(() => {
    if (engine && engine.child.exitCode === null && engine.child.signalCode === null) engine.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps sampling with history/ replaced by a file, recovers, and recreates a deleted logs/', async () => {
    const port = await freePort();
    const ds = join(dir, 'datastore');
    const env = engineEnv(dir, port, {
      SENTRACORE_HOST: '127.0.0.1',
      SENTRACORE_COLLECTION_INTERVAL_SEC: '0.2',
      SENTRACORE_HISTORY_SAMPLE_INTERVAL_SEC: '0.2',
      SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC: '0.4',
    });
    engine = run([requireDist('main.js')], env);
    const get = async (path: string): Promise<Json> => (await (await fetch(`http://127.0.0.1:${port}${path}`)).json()) as Json;
    const until = async (what: string, accept: () => Promise<boolean>) => {
      const deadline = Date.now() + 60_000;
      while (!(await accept().catch(() => false))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${engine!.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await until('first samples', async () => (await get('/api/v1/status')).engine.uptime_samples >= 3);
    expect((await get('/api/v1/health')).storage).toEqual({ writable: true, last_error: null });

    rmSync(join(ds, 'history'), { recursive: true, force: true });
    writeFileSync(join(ds, 'history'), 'not a folder');
    for (const name of ['cache', 'logs', 'reports']) rmSync(join(ds, name), { recursive: true, force: true });
    await until('health writable:false', async () => (await get('/api/v1/health')).storage.writable === false);
    expect((await get('/api/v1/health')).storage.last_error).toMatch(/^append history sample: ENOTDIR/);
    const during = (await get('/api/v1/status')).engine.uptime_samples as number;
    await until('sampling to go on', async () => (await get('/api/v1/status')).engine.uptime_samples >= during + 3);

    rmSync(join(ds, 'history'));
    mkdirSync(join(ds, 'history'));
    await until('health writable:true', async () => (await get('/api/v1/health')).storage.writable === true);
    await until('a new history sample', async () => readdirSync(join(ds, 'history')).length > 0);

    // The log transport checks for its file every 5 s; the stop message then lands in a new logs/.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    engine.child.kill('SIGTERM');
    expect(await engine.exited).toBe(0);
    await waitFor('logs/engine.log', () => (existsSync(join(ds, 'logs', 'engine.log')) ? true : undefined), 5_000);
    expect(readFileSync(join(ds, 'logs', 'engine.log'), 'utf8')).toContain('SIGTERM received; stopping cleanly');
    expect(JSON.parse(readFileSync(join(ds, 'state', 'runtime.json'), 'utf8')).last_clean_shutdown).toBe(true);
  }, 120_000);
});
