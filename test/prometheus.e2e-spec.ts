import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ManualClock } from '../src/common/manual-clock.fixture.js';
import { ENGINE_VERSION } from '../src/common/package.js';
import { createListeningApp, eventually, type ListeningApp } from './helpers/listening-app.js';
import { freePort } from './helpers/child-process.js';

// A real Prometheus server (Debian's package) scrapes the engine every second; its query API must
// return the stress score the engine reports. This is how a fleet of engines is monitored.

const INSTALL_HINT = 'prometheus is not installed: run `apt-get update && apt-get install -y prometheus` (.ci/run does this)';

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

interface QueryResult {
  status: string;
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

describe('Prometheus scrapes /metrics (e2e, real prometheus server)', () => {
  let root: string;
  let live: ListeningApp;
  let prometheus: ChildProcess | undefined;
  let promUrl: string;
  let promLog = '';
  const clock = new ManualClock(Date.UTC(2026, 10, 27, 9, 0, 0));
  const query = async (expr: string) => (await (await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`)).json()) as QueryResult;

  beforeAll(async () => {
    const binary = findOnPath('prometheus');
    if (!binary) throw new Error(INSTALL_HINT);
    root = mkdtempSync(join(tmpdir(), 'sentracore-prometheus-'));
    live = await createListeningApp(join(root, 'datastore'), {
      script: (cycle) => ({ cpu: { percent: cycle < 8 ? 72 : 15 }, memory: { percent: 63 } }),
      clock,
    });
    for (let i = 0; i < 8; i++) {
      clock.advance(2000);
      await live.engine.runCycle();
    }
    const promPort = await freePort();
    promUrl = `http://127.0.0.1:${promPort}`;
    const config = join(root, 'prometheus.yml');
    writeFileSync(
      config,
      [
        'global:',
        '  scrape_interval: 1s',
        '  scrape_timeout: 1s',
        'scrape_configs:',
        '  - job_name: sentracore',
        '    static_configs:',
        `      - targets: ['127.0.0.1:${live.port}']`,
        '',
      ].join('\n'),
    );
    prometheus = spawn(
      binary,
      [`--config.file=${config}`, `--storage.tsdb.path=${join(root, 'tsdb')}`, `--web.listen-address=127.0.0.1:${promPort}`, '--log.level=warn'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout?.on('data', (chunk: Buffer) => (promLog += chunk.toString()));
    prometheus.stderr?.on('data', (chunk: Buffer) => (promLog += chunk.toString()));
  }, 60_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await live?.app.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 30_000);

  it('scrapes the engine successfully and serves its current stress score through the query API', async () => {
    await eventually(
      'a successful scrape of the engine',
      async () => {
        if (prometheus?.exitCode !== null) throw new Error(`prometheus exited (${prometheus?.exitCode}):\n${promLog}`);
        const result = await query('up{job="sentracore"}').catch(() => undefined);
        return result?.data.result[0]?.value[1] === '1';
      },
      30_000,
    );
    const status = (await (await fetch(`${live.baseUrl}/api/v1/status`)).json()) as { stress: { score: number } };
    expect(status.stress.score).toBeGreaterThan(0);
    await eventually('sentracore_stress_score in Prometheus', async () => (await query('sentracore_stress_score')).data.result.length === 1, 10_000);
    const [sample] = (await query('sentracore_stress_score')).data.result;
    expect(sample.metric).toMatchObject({ job: 'sentracore', instance: `127.0.0.1:${live.port}` });
    expect(Number(sample.value[1])).toBeCloseTo(status.stress.score, 6);
    const [info] = (await query('sentracore_info')).data.result;
    expect(info.metric).toMatchObject({ version: ENGINE_VERSION });
  }, 60_000);

  it('follows the engine: the next cycles (a cooler CPU) show up at the next scrapes', async () => {
    const before = Number((await query('sentracore_stress_score')).data.result[0].value[1]);
    for (let i = 0; i < 7; i++) {
      clock.advance(2000);
      await live.engine.runCycle();
    }
    const status = (await (await fetch(`${live.baseUrl}/api/v1/status`)).json()) as { stress: { score: number } };
    expect(status.stress.score).toBeLessThan(before - 5);
    await eventually('15 cycles in Prometheus', async () => (await query('sentracore_cycles_total')).data.result[0]?.value[1] === '15', 15_000);
    expect(Number((await query('sentracore_stress_score')).data.result[0].value[1])).toBeCloseTo(status.stress.score, 6);
  }, 60_000);
});
