import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineEnv, requireDist, run, waitFor, type Running, freePort } from './helpers/child-process.js';

// Single writer (issue #5): a second engine on the same datastore is refused while the first runs,
// names the first one's pid, writes nothing; once the first is killed, its stale lock is taken over.

type Json = Record<string, any>;

describe('single writer per datastore (real processes)', () => {
  let dir: string;
  const engines: Running[] = [];
  const ds = () => join(dir, 'datastore');
  const configFile = () => join(dir, 'engine-config.json');
  const read = (path: string) => readFileSync(path, 'utf8');
  const readJson = (path: string): Json => JSON.parse(read(path)) as Json;

  // Slow history and checkpoint cadences: while the second engine tries its luck, the first writes
  // nothing, so any byte that changes in the datastore would be the refused engine's.
  const start = (port: number): Running => {
    const env = engineEnv(dir, port, {
      SENTRACORE_HOST: '127.0.0.1',
      SENTRACORE_COLLECTION_INTERVAL_SEC: '1',
      SENTRACORE_HISTORY_SAMPLE_INTERVAL_SEC: '3600',
      SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC: '3600',
    });
    const engine = run([requireDist('main.js')], env);
    engines.push(engine);
    return engine;
  };
  const running = (engine: Running) =>
    waitFor(
      'engine-config running',
      () => {
        const config = existsSync(configFile()) ? readJson(configFile()) : undefined;
        return config?.status === 'running' && config.pid === engine.child.pid ? config : undefined;
      },
      60_000,
    );
  const status = async (port: number): Promise<Json> => (await (await fetch(`http://127.0.0.1:${port}/api/v1/status`)).json()) as Json;
  // Every file of the datastore except the log, with its content.
  const snapshot = () =>
    Object.fromEntries(
      readdirSync(ds(), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.parentPath.endsWith('logs'))
        .map((entry) => [join(entry.parentPath, entry.name), read(join(entry.parentPath, entry.name))]),
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-single-writer-'));
  });
  afterEach(() => {
    for (const engine of engines.splice(0)) if (engine.child.exitCode === null && engine.child.signalCode === null) engine.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second engine while the first runs, then takes over the stale lock of a killed one', async () => {
    const port = await freePort();
    const first = start(port);
    const config = await running(first);
    await waitFor('the first history sample', () => (readdirSync(join(ds(), 'history')).length > 0 ? true : undefined), 30_000);
    const lock = readJson(join(ds(), 'state', 'engine.lock'));
    expect(lock).toMatchObject({ pid: first.child.pid, hostname: hostname(), started_at: expect.any(Number) });
    const before = snapshot();
    const configBefore = read(configFile());

    const second = start(config.port as number);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toContain(`datastore is in use by another SentraCore engine (pid ${first.child.pid})`);
    // The refused engine wrote nothing: not engine-config.json, not the checkpoint, not history.
    expect(read(configFile())).toBe(configBefore);
    expect(snapshot()).toEqual(before);
    expect(first.child.exitCode).toBeNull();
    expect((await status(config.port as number)).engine.uptime_samples).toBeGreaterThan(0);

    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const third = start(config.port as number);
    await running(third);
    expect(readJson(join(ds(), 'state', 'engine.lock'))).toMatchObject({ pid: third.child.pid });
    expect((await status(config.port as number)).engine.previous_run_unclean).toBe(true);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
    expect(existsSync(join(ds(), 'state', 'engine.lock'))).toBe(false);
  }, 180_000);
});
