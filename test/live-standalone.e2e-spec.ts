import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engineEnv, requireDist, run, type Running, freePort } from './helpers/child-process.js';
import { eventually, RecordingSocket } from './helpers/listening-app.js';

// The standalone server (Fastify + the ws adapter main.ts installs) serves the live streams and
// /metrics on its one port, sampling on its own schedule: both as compiled (dist/main.js) and as
// bundled for `npm start` (dist/bundle/main.mjs, see scripts/bundle.mjs).

describe.each(['main.js', 'bundle/main.mjs'])('live streams on the standalone server (node dist/%s)', (entry) => {
  let root: string;
  let engine: Running;
  let port: number;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-live-standalone-'));
    port = await freePort();
    engine = run([requireDist(entry)], engineEnv(root, port, { SENTRACORE_COLLECTION_INTERVAL_SEC: '0.25' }));
    await eventually(
      'the engine to answer',
      async () => {
        if (engine.child.exitCode !== null) throw new Error(`engine exited ${engine.child.exitCode}:\n${engine.stderr()}`);
        return fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
          (r) => r.ok,
          () => false,
        );
      },
      30_000,
    );
  }, 60_000);

  afterAll(async () => {
    if (engine && engine.child.exitCode === null) {
      engine.child.kill('SIGTERM');
      expect(await engine.exited).toBe(0);
    }
    rmSync(root, { recursive: true, force: true });
  }, 30_000);

  it('serves /ws/live and /ws/alerts on the HTTP port, counted by /api/v1/health', async () => {
    const live = await RecordingSocket.open(`ws://127.0.0.1:${port}/ws/live`);
    const alerts = await RecordingSocket.open(`ws://127.0.0.1:${port}/ws/alerts`);
    const health = async () => ((await (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).json()) as { websocket_clients: unknown }).websocket_clients;
    await eventually('both clients counted', async () => JSON.stringify(await health()) === JSON.stringify({ live: 1, alerts: 1 }));
    await eventually('three cycles on /ws/live', () => live.messages.length >= 3, 10_000);
    const samples = [0, 1, 2].map((i) => live.json<{ engine: { uptime_samples: number; version: string } }>(i).engine.uptime_samples);
    expect(samples[1]).toBe(samples[0] + 1);
    expect(samples[2]).toBe(samples[0] + 2);
    live.close();
    alerts.close();
    await eventually('both clients gone', async () => JSON.stringify(await health()) === JSON.stringify({ live: 0, alerts: 0 }));
  });

  it('refuses unknown WebSocket paths', async () => {
    await expect(RecordingSocket.open(`ws://127.0.0.1:${port}/ws/other`)).rejects.toThrow();
  });

  it('serves /metrics with the sampling job running', async () => {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const cycles = Number(/^sentracore_cycles_total (\d+)$/m.exec(text)?.[1]);
    expect(cycles).toBeGreaterThan(0);
    expect(text).toMatch(/^sentracore_stress_score \d+(\.\d+)?$/m);
  });

  it('stops cleanly on SIGTERM with WebSocket and SSE clients still connected', async () => {
    const live = await RecordingSocket.open(`ws://127.0.0.1:${port}/ws/live`);
    const sse = await fetch(`http://127.0.0.1:${port}/api/v1/status/stream`);
    expect(sse.status).toBe(200);
    const started = Date.now();
    engine.child.kill('SIGTERM');
    expect(await engine.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    await live.closed;
    const runtime = JSON.parse(readFileSync(join(root, 'datastore', 'state', 'runtime.json'), 'utf8')) as { last_clean_shutdown: boolean };
    expect(runtime.last_clean_shutdown).toBe(true);
  }, 30_000);
});
