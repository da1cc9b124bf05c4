import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { engineEnv, REPO_ROOT, requireDist, run, waitFor, type Running, freePort } from './helpers/child-process.js';

// SPEC §7 clean stop through real signals to a real `node dist/main.js`: the final checkpoint carries
// the flag true, the baseline is on disk, engine-config.json says `stopped`, and the next start sees a
// clean previous run and warm-starts from that final checkpoint.

type Json = Record<string, any>;

const LAST_KEYS = ['stress', 'stability', 'anomaly', 'prediction', 'normalized'] as const;
// Holds the engine's interval jobs until SIGUSR2, so the warm /status can be read before the first cycle.
const HOLD = pathToFileURL(join(REPO_ROOT, 'test', 'crash', 'hold-timers.mjs')).href;

describe('clean stop on real signals (SPEC §7)', () => {
  let dir: string;
  let port: number;
  const engines: Running[] = [];
  const ds = () => join(dir, 'datastore');
  const configFile = () => join(dir, 'engine-config.json');
  const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json;
  const runtime = () => readJson(join(ds(), 'state', 'runtime.json'));

  const start = (held = false): Running => {
    const env = engineEnv(dir, port, {
      SENTRACORE_HOST: '127.0.0.1',
      SENTRACORE_COLLECTION_INTERVAL_SEC: '0.2',
      SENTRACORE_HISTORY_SAMPLE_INTERVAL_SEC: '0.2',
      SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC: '0.4',
    });
    const engine = run([...(held ? ['--import', HOLD] : []), requireDist('main.js')], env);
    engines.push(engine);
    return engine;
  };
  const status = async (): Promise<Json> => (await (await fetch(`http://127.0.0.1:${port}/api/v1/status`)).json()) as Json;
  // Polls until /status answers and `accept` holds.
  const statusWhen = async (accept: (body: Json) => boolean): Promise<Json> => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const body = await status().catch(() => undefined);
      if (body && accept(body)) return body;
      if (Date.now() > deadline) throw new Error(`engine did not reach the expected status: ${JSON.stringify(body?.engine)}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const running = (engine: Running) =>
    waitFor(
      'engine-config running',
      () => {
        const config = existsSync(configFile()) ? (readJson(configFile()) as Json) : undefined;
        return config?.status === 'running' && config.pid === engine.child.pid ? config : undefined;
      },
      60_000,
    );

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-signals-'));
    port = await freePort();
  });
  afterEach(() => {
    for (const engine of engines.splice(0)) if (engine.child.exitCode === null && engine.child.signalCode === null) engine.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s: final checkpoint with the flag true, baseline persisted, engine-config stopped; the next start is clean',
    async (signal) => {
      const engine = start();
      await running(engine);
      const seen = await statusWhen((body) => body.engine.uptime_samples >= 5);
      expect(runtime().last_clean_shutdown).toBe(false);

      engine.child.kill(signal);
      expect(await engine.exited).toBe(0);
      expect(engine.stdout()).toContain(`${signal} received; stopping cleanly`);

      const final = runtime();
      expect(final).toMatchObject({ schema: 1, last_clean_shutdown: true });
      expect(final.last_checkpoint_at).toBeGreaterThanOrEqual(seen.snapshot.timestamp);
      expect(final.last_normalized.timestamp).toBeGreaterThanOrEqual(seen.normalized.timestamp);
      const baseline = readJson(join(ds(), 'state', 'baseline.json'));
      expect(baseline.global.cpu_percent.count).toBeGreaterThanOrEqual(seen.engine.uptime_samples);
      expect(readJson(configFile())).toMatchObject({ status: 'stopped', pid: 0, port });
      expect(existsSync(join(ds(), 'state', 'engine.lock'))).toBe(false);
      expect(readdirSync(join(ds(), 'state')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      // Appends never leave half a line behind on a clean stop.
      for (const name of readdirSync(join(ds(), 'history'))) {
        const text = readFileSync(join(ds(), 'history', name), 'utf8');
        expect(text.endsWith('\n')).toBe(true);
        for (const line of text.trimEnd().split('\n')) expect(JSON.parse(line)).toMatchObject({ at: expect.any(Number) });
      }

      // Restart: a clean previous run, serving exactly the final checkpoint until its first cycle.
      const next = start(true);
      const warm = await statusWhen(() => true);
      expect(warm.engine).toMatchObject({ previous_run_unclean: false, warm_started: true });
      for (const key of LAST_KEYS) expect(warm[key]).toEqual(final[`last_${key}`]);
      const info = (await (await fetch(`http://127.0.0.1:${port}/api/v1/storage/info`)).json()) as Json;
      expect(info.runtime_checkpoint).toEqual({ path: join(ds(), 'state', 'runtime.json'), previous_run_unclean: false });
      next.child.kill('SIGUSR2');
      await statusWhen((body) => body.engine.warm_started === false);
      next.child.kill(signal);
      expect(await next.exited).toBe(0);
      expect(runtime().last_clean_shutdown).toBe(true);
    },
    180_000,
  );
});
