import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineEnv, requireDist, run, waitFor, type Running, freePort } from './helpers/child-process.js';
import type { EngineConfigRecord as EngineConfig } from '../src/standalone/engine-config.store.js';

// SPEC §2 engine-config.json lifecycle, driven through real `node dist/main.js` processes.

const listen = (port: number): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });

async function healthy(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`).catch(() => undefined);
  return response?.status === 200;
}

// Each test starts a whole engine; on a loaded CI machine that alone can take several seconds.
const ENGINE_TEST_MS = 60_000;

describe('engine-config.json (SPEC §2) with node dist/main.js', () => {
  let dir: string;
  let configFile: string;
  const engines: Running[] = [];
  const servers: Server[] = [];

  const readConfig = (): EngineConfig | undefined => {
    try {
      return JSON.parse(readFileSync(configFile, 'utf8')) as EngineConfig;
    } catch {
      return undefined;
    }
  };
  const start = (port: number, extra: Record<string, string> = {}): Running => {
    const engine = run([requireDist('main.js')], engineEnv(dir, port, extra));
    engines.push(engine);
    return engine;
  };
  // Polled every millisecond, so a signal can arrive the moment "running" is on disk (as from a supervisor).
  const running = (engine: Running) =>
    waitFor(
      'status "running"',
      () => {
        const config = readConfig();
        return config?.status === 'running' && config.pid === engine.child.pid ? config : undefined;
      },
      30_000,
      1,
    );

  beforeAll(() => {
    requireDist('main.js');
  });
  // A fresh folder per test; engine-config.json starts out missing.
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-engine-config-'));
    configFile = join(dir, 'engine-config.json');
  });
  afterEach(async () => {
    for (const engine of engines.splice(0)) if (engine.child.exitCode === null) engine.child.kill('SIGKILL');
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'bootstraps the missing file, records running + pid, serves /api/v1/health, and stops on SIGTERM',
    async () => {
      const port = await freePort();
      expect(existsSync(configFile)).toBe(false);
      const startedAt = Date.now();
      const engine = start(port);
      for (;;) {
        if (await healthy(port)) break;
        if (Date.now() - startedAt > 30_000) throw new Error(`engine did not serve health: ${engine.stderr()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // SPEC: health within 2 s of start. Measured and logged, not asserted (CI machines vary).
      process.stdout.write(`engine-config e2e: /api/v1/health served ${Date.now() - startedAt} ms after spawn\n`);

      const config = await running(engine);
      expect(config).toEqual({ host: '127.0.0.1', port, bind_host: '127.0.0.1', status: 'running', last_error: '', pid: engine.child.pid });

      engine.child.kill('SIGTERM');
      expect(await engine.exited).toBe(0);
      expect(readConfig()).toEqual({ ...config, status: 'stopped', pid: 0 });
    },
    ENGINE_TEST_MS,
  );

  it(
    'records stopped with pid 0 after SIGINT',
    async () => {
      const port = await freePort();
      const engine = start(port);
      await running(engine);
      engine.child.kill('SIGINT');
      expect(await engine.exited).toBe(0);
      expect(readConfig()).toMatchObject({ status: 'stopped', pid: 0, port, last_error: '' });
    },
    ENGINE_TEST_MS,
  );

  it(
    'falls back to the next free port when the configured one is busy, and records it',
    async () => {
      const port = await freePort();
      servers.push(await listen(port));
      const engine = start(port);
      const config = await running(engine);
      expect(config.port).toBeGreaterThan(port);
      expect(await healthy(config.port)).toBe(true);
      engine.child.kill('SIGTERM');
      expect(await engine.exited).toBe(0);
      expect(readConfig()).toMatchObject({ status: 'stopped', pid: 0, port: config.port });
    },
    ENGINE_TEST_MS,
  );

  it(
    'records failed with last_error when it cannot bind the configured address',
    async () => {
      // 192.0.2.1 (TEST-NET-1) is never this machine's address: listen fails at bind, no traffic is sent.
      const engine = start(await freePort(), { SENTRACORE_HOST: '192.0.2.1' });
      expect(await engine.exited).toBe(1);
      const config = readConfig();
      expect(config).toMatchObject({ status: 'failed', pid: 0, bind_host: '192.0.2.1' });
      expect(config?.last_error).toContain('192.0.2.1');
      expect(config?.last_error).toContain('EADDRNOTAVAIL');
      expect(engine.stderr()).toContain('failed to start');
    },
    ENGINE_TEST_MS,
  );

  it(
    'exits non-zero with a one-line message naming a bad setting',
    async () => {
      const engine = start(await freePort(), { SENTRACORE_HISTORY_RETENTION_DAYS: 'abc' });
      expect(await engine.exited).not.toBe(0);
      const message = engine.stderr().trim();
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toContain('SENTRACORE_HISTORY_RETENTION_DAYS');
      expect(message).toContain('"abc"');
    },
    ENGINE_TEST_MS,
  );
});
