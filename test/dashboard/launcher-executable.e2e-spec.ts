import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { freePort, REPO_ROOT, type Running } from '../helpers/child-process.js';
import { ensureExecutable, EXECUTABLE } from '../helpers/executable.js';
import type { EngineConfigRecord as EngineConfig } from '../../src/standalone/engine-config.store.js';

// The dashboard's bundled launcher (services/engine_bundled_launcher.dart) against the real single
// executable (`npm run package`, docs/executable.md), in the launcher's order: engine-config.json with
// a free port and `starting`; the executable started with no arguments from its own folder with
// SENTRACORE_ENGINE_CONFIG set; `health_checking` with the child's pid; the file re-read every 0.5 s
// for up to 45 s until `running` and GET /health on the file's host and port answers engine:true.

type Json = Record<string, any>;

const HEALTH_WINDOW_MS = 45_000; // the launcher's _healthWindow
const TICK_MS = 500; // its _healthTick
// engine_config_store.dart bindHostForOs(): what the launcher writes on this platform.
const BIND_HOST = process.platform === 'linux' ? '0.0.0.0' : '127.0.0.1';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the dashboard launcher, replayed against the SentraCoreEngine executable', () => {
  let root: string;
  let appDir: string;
  let exe: string;
  let engine: Running | undefined;
  const packageDir = () => readdirSync(dirname(EXECUTABLE)).sort();
  let packageDirAtStart: string[];

  beforeAll(() => {
    const built = ensureExecutable();
    packageDirAtStart = packageDir();
    // The app's own folder is a temp copy, so the portable datastore/ it makes lands inside the temp root.
    root = mkdtempSync(join(tmpdir(), 'sentracore-exe-'));
    appDir = join(root, 'app');
    mkdirSync(appDir);
    mkdirSync(join(root, 'home'));
    exe = join(appDir, basename(built));
    copyFileSync(built, exe);
  }, 300_000);
  afterEach(async () => {
    if (engine && engine.child.exitCode === null && engine.child.signalCode === null) {
      engine.child.kill('SIGKILL');
      await engine.exited;
    }
    engine = undefined;
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** engine_config_store.dart writeAtomic: a temp file in the same folder, then a rename. */
  const launcherWrites = (file: string, config: EngineConfig) => {
    const temp = `${file}.${Date.now()}.tmp`;
    writeFileSync(temp, JSON.stringify(config, null, 2));
    renameSync(temp, file);
  };
  const read = (file: string): EngineConfig | undefined => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as EngineConfig;
    } catch {
      return undefined; // the store's read() returns null on any error
    }
  };
  const get = async (host: string, port: number, path: string) => {
    const response = await fetch(`http://${host}:${port}${path}`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    return response && { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
  };
  /** _strictHealth: 200 and `engine: true`. */
  const health = async (host: string, port: number) => {
    const response = await get(host, port, '/api/v1/health');
    return response?.status === 200 && (JSON.parse(response.body) as { engine?: unknown }).engine === true;
  };
  /** _startOwnedEngine: no arguments, its own folder as working directory, SENTRACORE_ENGINE_CONFIG set. */
  const launch = (file: string, args: string[] = []): Running => {
    // No SENTRACORE_* setting but the config path; HOME inside the temp root, so no fallback can reach the real one.
    const env = { PATH: process.env.PATH ?? '', HOME: join(root, 'home'), SENTRACORE_ENGINE_CONFIG: file };
    const child = spawn(exe, args, { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
    engine = { child, stdout: () => out, stderr: () => err, exited };
    return engine;
  };
  /** _waitRunningOnDiskWithin: `failed` ends the wait (null); `running` counts once /health answers. */
  const waitRunning = async (file: string): Promise<EngineConfig | null> => {
    const deadline = Date.now() + HEALTH_WINDOW_MS;
    while (Date.now() < deadline) {
      const disk = read(file);
      if (disk?.status === 'failed') return null;
      if (disk?.status === 'running' && (await health(disk.host, disk.port))) return disk;
      await sleep(TICK_MS);
    }
    throw new Error(`no running engine on disk within ${HEALTH_WINDOW_MS} ms: ${JSON.stringify(read(file))} ${engine?.stderr()}`);
  };
  /** The launcher's steps up to a running engine, as in _ensureReadyImpl's first cycle. */
  const startLikeTheLauncher = async (file: string, port: number) => {
    launcherWrites(file, { ...(read(file) ?? { host: '127.0.0.1' }), port, bind_host: BIND_HOST, status: 'starting', last_error: '', pid: 0 });
    const child = launch(file);
    launcherWrites(file, { ...read(file)!, status: 'health_checking', pid: child.child.pid!, last_error: '' });
    return { child, running: await waitRunning(file) };
  };
  const status = async (config: EngineConfig) => JSON.parse((await get(config.host, config.port, '/api/v1/status'))!.body) as Json;
  /** Waits for the first analysis cycle (a snapshot), so that the clean stop has something to checkpoint. */
  const firstCycle = async (config: EngineConfig) => {
    for (let i = 0; i < 40 && (await status(config)).snapshot === null; i++) await sleep(250);
  };
  const baselineCount = () =>
    (JSON.parse(readFileSync(join(appDir, 'datastore', 'state', 'baseline.json'), 'utf8')) as Json).global.cpu_percent.count as number;

  it('starts, answers /health on the port it wrote, stops on SIGTERM, and warm-starts on the same datastore', async () => {
    const file = join(root, 'user', 'engine-config.json');
    mkdirSync(dirname(file));
    const port = await freePort();

    const first = await startLikeTheLauncher(file, port);
    expect(first.running).toEqual({ host: '127.0.0.1', port, bind_host: '127.0.0.1', status: 'running', last_error: '', pid: first.child.child.pid });
    expect(await health(first.running!.host, first.running!.port)).toBe(true);
    // The same settings as npm start: the package version, a portable datastore beside the executable (its folder is writable).
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const cold = await status(first.running!);
    expect(cold.engine).toMatchObject({ version, previous_run_unclean: false });
    expect(existsSync(join(appDir, 'datastore', 'logs', 'engine.log'))).toBe(true);
    await firstCycle(first.running!);

    first.child.child.kill('SIGTERM');
    expect(await first.child.exited).toBe(0);
    expect(read(file)).toMatchObject({ status: 'stopped', pid: 0, port });
    const runtime = JSON.parse(readFileSync(join(appDir, 'datastore', 'state', 'runtime.json'), 'utf8')) as Json;
    expect(runtime.last_clean_shutdown).toBe(true);
    const countAfterFirst = baselineCount();
    expect(countAfterFirst).toBeGreaterThan(0);

    // Second launch (the dashboard's next start): the same folder, the same datastore, a warm start after a clean stop.
    const second = await startLikeTheLauncher(file, await freePort());
    expect(second.running).toMatchObject({ status: 'running', last_error: '', pid: second.child.child.pid });
    const warm = await status(second.running!);
    expect(warm.engine).toMatchObject({ version, previous_run_unclean: false, warm_started: true });
    await firstCycle(second.running!);
    second.child.child.kill('SIGTERM');
    expect(await second.child.exited).toBe(0);
    expect(read(file)).toMatchObject({ status: 'stopped', pid: 0 });
    // The baseline learned in the first run went on growing in the second: one datastore, reused.
    expect(baselineCount()).toBeGreaterThan(countAfterFirst);
    // Nothing reached the home folder, and the built package's folder holds what it held before.
    expect(readdirSync(join(root, 'home'))).toEqual([]);
    expect(packageDir()).toEqual(packageDirAtStart);
  }, 150_000);

  it('serves the embedded console, Swagger UI and its assets, and nothing from the folder beside it', async () => {
    const file = join(root, 'user-assets', 'engine-config.json');
    mkdirSync(dirname(file));
    const { child, running } = await startLikeTheLauncher(file, await freePort());
    const at = (path: string) => get(running!.host, running!.port, path);

    const page = await at('/');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    const assets = [...page!.body.matchAll(/assets\/([\w.-]+)/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const name of assets) expect((await at(`/assets/${name}`))?.status).toBe(200);

    expect((await at('/docs'))?.body).toContain('swagger-ui-bundle.js');
    expect(await at('/docs/swagger-ui-bundle.js')).toMatchObject({ status: 200, type: 'application/javascript; charset=utf-8' });
    expect(await at('/docs/swagger-ui.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect((await at('/docs/swagger-ui-init.js'))?.status).toBe(200);
    expect((await at('/openapi.json'))?.status).toBe(200);
    // Files beside the executable are never served: not the datastore, not the executable itself.
    for (const path of ['/docs/SentraCoreEngine', '/docs/engine.log', '/assets/SentraCoreEngine', '/docs/package.json'])
      expect((await at(path))?.status).toBe(404);

    child.child.kill('SIGINT');
    expect(await child.exited).toBe(0);
    expect(read(file)).toMatchObject({ status: 'stopped', pid: 0 });
  }, 90_000);

  it('writes failed with a readable last_error when it cannot bind the port, and exits 1', async () => {
    const file = join(root, 'user-fail', 'engine-config.json');
    mkdirSync(dirname(file));
    // 65535 is the last port: taken, the engine has no next one to move to.
    const squatter = await new Promise<Server | undefined>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined)); // already taken by someone else: just as unbindable
      server.listen({ port: 65535, host: '127.0.0.1', exclusive: true }, () => resolve(server));
    });
    try {
      const { child, running } = await startLikeTheLauncher(file, 65535);
      expect(running).toBeNull(); // the launcher's wait ends on `failed`
      expect(await child.exited).toBe(1);
      const failed = read(file)!;
      expect(failed).toMatchObject({ status: 'failed', pid: 0, port: 65535 });
      expect(failed.last_error).toBe('no free port in 65535-65535 on 127.0.0.1 (65535 is the highest port)');
      expect(child.stderr()).toContain('failed to start');
    } finally {
      if (squatter) await new Promise((resolve) => squatter.close(resolve));
    }
  }, 90_000);

  it('prints its version and its help and exits 0, without starting or touching engine-config.json', async () => {
    const file = join(root, 'user-cli', 'engine-config.json');
    const version = launch(file, ['--version']);
    expect(await version.exited).toBe(0);
    expect(version.stdout()).toBe(`${(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    expect(version.stderr()).toBe('');
    const help = launch(file, ['--help']);
    expect(await help.exited).toBe(0);
    expect(help.stdout()).toMatch(/^Usage: SentraCoreEngine/);
    expect(existsSync(file)).toBe(false);
  }, 30_000);
});
