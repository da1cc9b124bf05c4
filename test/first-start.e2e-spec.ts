import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineEnv, freePort, requireDist, run, waitFor, type Running } from './helpers/child-process.js';

// SPEC §7: a brand-new datastore is a first start, not a crash. Only a checkpoint that says the run did
// not stop cleanly (or one that cannot be read) means unclean; the earlier engine got this wrong.

type Json = Record<string, any>;

describe('first start, kill, clean stop: previous_run_unclean (SPEC §7)', () => {
  let dir: string;
  let port: number;
  const engines: Running[] = [];
  const configFile = () => join(dir, 'engine-config.json');
  const logFile = () => join(dir, 'datastore', 'logs', 'engine.log');
  const get = async (path: string) => fetch(`http://127.0.0.1:${port}${path}`);

  const start = async (): Promise<Running> => {
    const engine = run([requireDist('main.js')], engineEnv(dir, port, { SENTRACORE_HOST: '127.0.0.1', SENTRACORE_COLLECTION_INTERVAL_SEC: '0.5' }));
    engines.push(engine);
    await waitFor(
      'engine-config running',
      () => {
        const config = existsSync(configFile()) ? (JSON.parse(readFileSync(configFile(), 'utf8')) as Json) : undefined;
        return config?.status === 'running' && config.pid === engine.child.pid ? true : undefined;
      },
      60_000,
    );
    return engine;
  };

  /** The flag as /status, /storage/info and /metrics each report it. */
  const reported = async () => {
    const status = (await (await get('/api/v1/status')).json()) as Json;
    const info = (await (await get('/api/v1/storage/info')).json()) as Json;
    const metric = /^sentracore_previous_run_unclean (\S+)$/m.exec(await (await get('/metrics')).text())?.[1];
    return { status: status.engine.previous_run_unclean, info: info.runtime_checkpoint.previous_run_unclean, metric };
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-first-start-'));
    port = await freePort();
  });
  afterEach(() => {
    for (const engine of engines.splice(0)) if (engine.child.exitCode === null && engine.child.signalCode === null) engine.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('a brand-new datastore reports false with no warning; after SIGKILL true; after a clean stop false', async () => {
    const first = await start();
    expect(await reported()).toEqual({ status: false, info: false, metric: '0' });
    const log = readFileSync(logFile(), 'utf8');
    expect(log).toContain('first start: no runtime checkpoint yet');
    expect(log).not.toContain('did not stop cleanly');
    expect(log).not.toMatch(/"level":"warn"|\bwarn\b/i);

    first.child.kill('SIGKILL');
    await first.exited;
    const second = await start();
    expect(await reported()).toEqual({ status: true, info: true, metric: '1' });
    expect(readFileSync(logFile(), 'utf8')).toContain('previous run did not stop cleanly');

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    await start();
    expect(await reported()).toEqual({ status: false, info: false, metric: '0' });
  }, 120_000);
});
