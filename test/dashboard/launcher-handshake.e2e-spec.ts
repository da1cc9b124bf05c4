import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, plainEnv, requireDist, run, type Running } from '../helpers/child-process.js';
import type { EngineConfigRecord as EngineConfig } from '../../src/standalone/engine-config.store.js';

// The dashboard's bundled launcher (services/engine_bundled_launcher.dart, SPEC §2), step by step
// against the real server: it writes engine-config.json with a free port and `starting`, starts the
// engine with only SENTRACORE_ENGINE_CONFIG set, writes `health_checking` with the child's pid, then
// re-reads the file every 0.5 s until it says `running` and GET /health answers on the file's port.

const HEALTH_WINDOW_MS = 45_000; // the launcher's _healthWindow
const TICK_MS = 500; // its _healthTick

describe('the launcher handshake, replayed', () => {
  let dir: string;
  let file: string;
  let engine: Running | undefined;

  // engine_config_store.dart writeAtomic: a temp file in the same folder, then a rename.
  const launcherWrites = (config: EngineConfig) => {
    const temp = join(dir, `engine-config.json.${Date.now()}.tmp`);
    writeFileSync(temp, JSON.stringify(config, null, 2));
    renameSync(temp, file);
  };
  const read = (): EngineConfig | undefined => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as EngineConfig;
    } catch {
      return undefined; // read() in the store returns null on any error
    }
  };
  const health = async (host: string, port: number): Promise<boolean> => {
    const response = await fetch(`http://${host}:${port}/api/v1/health`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    return response?.status === 200 && ((await response.json()) as { engine?: unknown }).engine === true;
  };
  /** _waitRunningOnDiskWithin: `failed` stops the wait; `running` counts once /health answers on the file's port. */
  const waitRunning = async (connectHost: string): Promise<EngineConfig> => {
    const deadline = Date.now() + HEALTH_WINDOW_MS;
    while (Date.now() < deadline) {
      const disk = read();
      if (disk?.status === 'failed') throw new Error(`the engine wrote failed: ${disk.last_error}`);
      if (disk?.status === 'running' && (await health(connectHost, disk.port))) return disk;
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    throw new Error(`no running engine on disk within ${HEALTH_WINDOW_MS} ms: ${JSON.stringify(read())} ${engine?.stderr()}`);
  };
  /** The launcher's environment: the user's own, SENTRACORE_ENGINE_CONFIG added; no port or host of ours. */
  const launch = (extra: Record<string, string> = {}) => {
    const env = plainEnv({ SENTRACORE_ENGINE_CONFIG: file, SENTRACORE_DATA_DIR: join(dir, 'datastore'), ...extra });
    for (const name of ['SENTRACORE_PORT', 'ENGINE_PORT', 'SENTRACORE_HOST', 'SENTRACORE_API_TOKEN']) delete env[name];
    engine = run([requireDist('bundle/main.mjs')], env);
    return engine;
  };

  beforeAll(() => {
    requireDist('bundle/main.mjs');
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-launcher-'));
    file = join(dir, 'engine-config.json');
  });
  afterEach(async () => {
    if (engine && engine.child.exitCode === null) {
      engine.child.kill('SIGTERM');
      await engine.exited;
    }
    engine = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['127.0.0.1', 'the file written on Windows and macOS'],
    ['0.0.0.0', 'the file written on Linux: bound to loopback instead, with a warning, as no token protects the admin routes'],
  ])(
    'succeeds on the port the file named (bind_host %s: %s)',
    async (bindHost) => {
      const port = await freePort();
      launcherWrites({ host: '127.0.0.1', port, bind_host: bindHost, status: 'starting', last_error: '', pid: 0 });
      const child = launch();
      launcherWrites({ ...read()!, status: 'health_checking', pid: child.child.pid!, last_error: '' });

      const running = await waitRunning('127.0.0.1');
      expect(running).toEqual({ host: '127.0.0.1', port, bind_host: '127.0.0.1', status: 'running', last_error: '', pid: child.child.pid });
      expect(await health(running.host, running.port)).toBe(true);
      if (bindHost === '0.0.0.0') {
        const log = readFileSync(join(dir, 'datastore', 'logs', 'engine.log'), 'utf8');
        expect(log).toContain('engine-config.json asks to listen on 0.0.0.0');
      }

      child.child.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      expect(read()).toMatchObject({ status: 'stopped', pid: 0, port });
    },
    90_000,
  );

  it('records the next free port when the named one was taken after the launcher picked it', async () => {
    const port = await freePort();
    const squatter = await new Promise<Server>((resolve) => {
      const server = createServer();
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
    try {
      launcherWrites({ host: '127.0.0.1', port, bind_host: '127.0.0.1', status: 'starting', last_error: '', pid: 0 });
      const child = launch();
      const running = await waitRunning('127.0.0.1');
      expect(running.port).toBeGreaterThan(port);
      expect(running.pid).toBe(child.child.pid);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 90_000);
});
