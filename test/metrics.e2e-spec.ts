import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/common/manual-clock.fixture.js';
import { ENGINE_VERSION } from '../src/common/package.js';
import { HistoryStore } from '../src/history/history.store.js';
import { HISTORY_SUMMARY_MAX_AGE_MS } from '../src/metrics/storage-metrics.collector.js';
import { createListeningApp, type ListeningApp } from './helpers/listening-app.js';

// GET /metrics (issue #6): Prometheus text exposition, values equal to what the REST API reports.

/** `name{labels} value` lines of the text format, keyed by `name{labels}`. */
function samples(text: string): Map<string, number> {
  const result = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    result.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return result;
}

const HOT = [{ cpu: { percent: 99 } }];

describe('GET /metrics (e2e)', () => {
  let root: string;
  let live: ListeningApp;
  const clock = new ManualClock(Date.UTC(2026, 10, 27, 9, 0, 0));
  const scrape = async () => {
    const response = await fetch(`${live.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    return { text: await response.text(), contentType: response.headers.get('content-type') };
  };
  const json = async (path: string) => (await fetch(live.baseUrl + path)).json() as Promise<Record<string, any>>;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-metrics-'));
    live = await createListeningApp(root, { script: HOT, clock });
    for (let i = 0; i < 12; i++) {
      clock.advance(2000);
      await live.engine.runCycle();
    }
  });
  afterAll(async () => {
    await live.app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers in the text exposition format 0.0.4', async () => {
    const { text, contentType } = await scrape();
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(text).toMatch(/^# HELP sentracore_stress_score .+\n# TYPE sentracore_stress_score gauge\nsentracore_stress_score \d/m);
    expect(text).toMatch(/^# TYPE sentracore_alerts_fired_total counter$/m);
  });

  it('reports the scores, pressures and baseline GET /api/v1/status reports', async () => {
    const status = await json('/api/v1/status');
    const values = samples((await scrape()).text);
    expect(values.get('sentracore_stress_score')).toBe(status.stress.score);
    expect(values.get('sentracore_stability_score')).toBe(status.stability.score);
    expect(values.get('sentracore_anomaly_score')).toBe(status.anomaly.score);
    expect(values.get('sentracore_risk_score')).toBe(status.prediction.risk_score);
    expect(values.get('sentracore_cpu_pressure_percent')).toBe(status.stress.pressures.cpu);
    expect(values.get('sentracore_memory_pressure_percent')).toBe(status.stress.pressures.memory);
    expect(values.get('sentracore_disk_pressure_percent')).toBe(status.stress.pressures.disk);
    expect(values.get('sentracore_baseline_samples')).toBe(status.engine.baseline_samples);
    expect(values.get('sentracore_baseline_ready')).toBe(status.engine.baseline_ready ? 1 : 0);
    expect(values.get('sentracore_cycles_total')).toBe(12);
    expect(status.stress.score).toBeGreaterThan(30); // real numbers, not the zero defaults
  });

  it('counts fired alerts by level, every level present from the start', async () => {
    const alerts = (await json('/api/v1/alerts')).alerts as { level: string }[];
    expect(alerts.length).toBeGreaterThan(0);
    const values = samples((await scrape()).text);
    for (const level of ['low', 'moderate', 'high', 'critical']) {
      expect(values.get(`sentracore_alerts_fired_total{level="${level}"}`)).toBe(alerts.filter((a) => a.level === level).length);
    }
  });

  it('reports the datastore: history size, checkpoint age, previous-run flag', async () => {
    const info = await json('/api/v1/storage/info');
    const values = samples((await scrape()).text);
    expect(values.get('sentracore_history_bytes')).toBe(info.history.total_bytes);
    expect(values.get('sentracore_history_samples')).toBe(info.history.total_samples);
    expect(info.history.total_samples).toBeGreaterThan(0);
    expect(values.get('sentracore_previous_run_unclean')).toBe(0); // a fresh datastore is a first start, not a crash
    // The checkpoint written at start, 12 cycles of 2 s ago on the manual clock.
    expect(values.get('sentracore_seconds_since_last_checkpoint')).toBe(24);
  });

  it('labels sentracore_info with the version and host, counts live clients, and adds the process metrics', async () => {
    const values = samples((await scrape()).text);
    expect(values.get(`sentracore_info{version="${ENGINE_VERSION}",host="${hostname()}"}`)).toBe(1);
    expect(values.get('sentracore_live_clients{channel="live"}')).toBe(0);
    expect(values.get('sentracore_live_clients{channel="alerts"}')).toBe(0);
    expect(values.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(values.get('process_resident_memory_bytes')).toBeGreaterThan(1024 * 1024);
    expect(values.get('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('reads the history summary at most once per max age, however often it is scraped', async () => {
    const summary = jest.spyOn(live.app.get(HistoryStore), 'summary');
    clock.advance(HISTORY_SUMMARY_MAX_AGE_MS);
    await Promise.all([scrape(), scrape(), scrape()]);
    for (let i = 0; i < 5; i++) await scrape();
    expect(summary).toHaveBeenCalledTimes(1);
    clock.advance(HISTORY_SUMMARY_MAX_AGE_MS);
    await scrape();
    expect(summary).toHaveBeenCalledTimes(2);
    summary.mockRestore();
  });

  it('keeps a registry per app: a second engine in the same process serves its own numbers', async () => {
    const otherRoot = mkdtempSync(join(tmpdir(), 'sentracore-metrics-2-'));
    const other = await createListeningApp(otherRoot, { clock });
    try {
      const mine = samples((await scrape()).text);
      const theirText = await (await fetch(`${other.baseUrl}/metrics`)).text();
      const theirs = samples(theirText);
      // The exposition format spells it NaN (prom-client alone prints `Nan`).
      expect(theirText.split('\n')).toContain('sentracore_stress_score NaN');
      expect(theirText).not.toMatch(/ Nan( |$)/m);
      expect(mine.get('sentracore_cycles_total')).toBe(12);
      expect(theirs.get('sentracore_cycles_total')).toBe(0);
      expect(Number.isNaN(theirs.get('sentracore_stress_score'))).toBe(true); // no cycle, no checkpoint: unknown, not 0
    } finally {
      await other.app.close();
      rmSync(otherRoot, { recursive: true, force: true });
    }
  });

  it("passes promtool check metrics (names, units, _total, help texts), but for three of prom-client's standard names", async () => {
    const { text } = await scrape();
    let output: string;
    try {
      output = execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (error) {
      const failed = error as { code?: string; stdout?: string; stderr?: string };
      if (failed.code === 'ENOENT')
        throw new Error("promtool is missing: install Debian's prometheus package (apt-get install -y prometheus), as .ci/run does", { cause: error });
      output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
    }
    // prom-client's default gauges keep these names because Node.js dashboards query them as they are.
    const problems = output.split('\n').filter(Boolean).sort();
    expect(problems).toEqual(
      ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'].map(
        (name) => `${name} non-counter metrics should not have "_total" suffix`,
      ),
    );
  });
});
