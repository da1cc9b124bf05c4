import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ProcessRecord, SnapshotRecord } from '../../telemetry/snapshot.record.js';
import { AnalysisPipeline, type CycleResult } from './analysis-pipeline.js';
import { DEFAULT_PREFERENCES } from './preferences.js';
import { buildStatus } from './status.js';

const fixture = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../test/fixtures/${path}`, import.meta.url), 'utf8'));
const referenceStatus = fixture('reference-responses/status.json') as { snapshot: SnapshotRecord } & Record<string, unknown>;
const META = { version: '0.0.1', previous_run_unclean: true, warm_started: false };
const T0 = 1_800_000_000;

const proc = (pid: number, name: string, cpu: number, memory: number): ProcessRecord => ({
  pid,
  name,
  cpu_percent: cpu,
  memory_percent: memory,
  memory_rss: 1,
  status: 'running',
  create_time: 0,
});

function snapshot(timestamp: number, cpu: number, processes: ProcessRecord[] = []): SnapshotRecord {
  return {
    timestamp,
    cpu: { percent: cpu, per_core: [cpu, cpu], logical_count: 2 },
    memory: { total: 1000, used: 500, available: 500, percent: 50 },
    swap: { total: 0, used: 0, percent: 0 },
    disk_io: { read_bytes: 0, write_bytes: 0, read_count: 0, write_count: 0 },
    processes,
  };
}

/** Replaces every leaf with its type so two bodies can be compared key by key. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (value === null) return 'null';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

function runCalm(pipeline: AnalysisPipeline, cycles: number): CycleResult {
  const base = referenceStatus.snapshot;
  let result: CycleResult | null = null;
  for (let i = 0; i < cycles; i += 1) result = pipeline.step({ ...base, timestamp: base.timestamp + 2 * i }, DEFAULT_PREFERENCES);
  return result!;
}

describe('AnalysisPipeline', () => {
  it('produces the reference GET /status body, key for key and type for type', () => {
    const pipeline = new AnalysisPipeline();
    expect(pipeline.status(META)).toBeNull();
    runCalm(pipeline, 34);
    const body = pipeline.status(META)!;
    expect(Object.keys(body)).toEqual(Object.keys(referenceStatus));
    expect(shape(body)).toEqual(shape(referenceStatus));
    expect(body.engine).toEqual({
      version: '0.0.1',
      uptime_samples: 34,
      baseline_ready: false,
      baseline_samples: 34,
      previous_run_unclean: true,
      warm_started: false,
    });
    expect(body.buffers).toEqual({ short: { count: 34, capacity: 150 }, long: { count: 34, capacity: 1800 } });
    // a steady 0.5 % cpu: 0.4·0.5 + 0.35·1.4059 = 0.69; stability 100 − 0.5·0.69 = 99.65
    expect(body.stress).toEqual({ score: 0.69, level: 'low', pressures: { cpu: 0.5, memory: 1.41, disk: 0 }, weights: { cpu: 0.4, memory: 0.35, disk: 0.25 } });
    expect(body.stability).toEqual({ score: 99.7, state: 'stable', components: { stress_penalty: 0.3, risk_penalty: 0, anomaly_penalty: 0 } });
    expect(body.alert).toEqual(referenceStatus.alert);
    expect(body.prediction).toEqual(referenceStatus.prediction);
  });

  it('buildStatus keeps only the status keys of a cycle result', () => {
    const pipeline = new AnalysisPipeline();
    const cycle = runCalm(pipeline, 1);
    const body = buildStatus(cycle, pipeline.engineInfo(META));
    expect(Object.keys(body)).toEqual(['engine', 'snapshot', 'normalized', 'trend', 'anomaly', 'prediction', 'stress', 'stability', 'alert', 'buffers']);
    expect(body.snapshot).toBe(cycle.snapshot);
  });

  it('sizes the buffers from the collection interval', () => {
    expect(new AnalysisPipeline({ collectionIntervalSec: 5 }).bufferStats()).toEqual({ short: { count: 0, capacity: 60 }, long: { count: 0, capacity: 720 } });
  });

  it('fires an alert with a root cause after 5 cycles of cpu pressure', () => {
    const pipeline = new AnalysisPipeline();
    const processes = [proc(42, 'hog', 80, 2), proc(7, 'editor', 5, 10)];
    const results = [0, 1, 2, 3, 4].map((i) => pipeline.step(snapshot(T0 + 2 * i, 95, processes), DEFAULT_PREFERENCES));
    expect(results.map((r) => r.firedAlert !== null)).toEqual([false, false, false, false, true]);
    expect(results[1].events).toEqual([{ timestamp: T0 + 2, event_type: 'cpu_spike_start', severity: 'warning', details: 'CPU spike started at 95%' }]);
    const alert = results[4].firedAlert!;
    // cpu 95 is hot: (0.5·95 + 0.35·50) / 1.1 = 59.09
    expect(alert.stress_score).toBe(59.09);
    expect(alert.message).toBe(
      'Resource alert (CPU pressure 95% (threshold 85%)). Stress moderate (59/100), sustained ~10s. Root cause: ' +
        "System is experiencing critical CPU pressure. The process 'hog' (PID 42) is the primary suspect, consuming 80.0% CPU. " +
        'Triggered by: CPU spike started at 95%.',
    );
    expect(alert.root_cause).toMatchObject({ primary_bottleneck: 'cpu', confidence_score: 100, trigger_event: results[1].events[0] });
    expect(alert.top_contributors.map((p) => [p.pid, p.sample_count, p.impact_score])).toEqual([
      [42, 5, 48.8],
      [7, 5, 7],
    ]);
    expect(results[4].events.map((e) => e.event_type)).toEqual(['alert_fired']);
    expect(results[4].alert).toMatchObject({ total_fired: 1, in_cooldown: true, consecutive_high: 5, last_alert: alert });
    expect(pipeline.listEvents().map((e) => e.event_type)).toEqual(['alert_fired', 'cpu_spike_start']);
  });

  it('logs stress level changes and spike resolution', () => {
    const pipeline = new AnalysisPipeline();
    const cpus = [10, 95, 95, 95, 95, 10, 10, 10, 10];
    const results = cpus.map((cpu, i) => pipeline.step(snapshot(T0 + 2 * i, cpu), DEFAULT_PREFERENCES));
    const details = results.flatMap((r, i) => r.events.map((e) => `${i}: ${e.event_type}: ${e.details}`));
    // cycle 1: smoothed cpu 35.5 + 10 for growing (slope 42.5 %/s, capped) = 45.5 → 0.4·45.5 + 0.35·50 = 35.7
    // cycle 8: smoothed cpu 25.51, no growth → 0.4·25.51 + 0.35·50 = 27.7
    expect(details).toEqual([
      '1: stress_level_change: Stress level low -> moderate (score 35.7)',
      '2: cpu_spike_start: CPU spike started at 95%',
      '5: cpu_spike_resolved: CPU spike resolved at 10%',
      '8: stress_level_change: Stress level moderate -> low (score 27.7)',
    ]);
  });

  it('does not count a carried-over process list twice', () => {
    const pipeline = new AnalysisPipeline();
    const processes = [proc(1, 'a', 10, 1)];
    pipeline.step(snapshot(T0, 10, processes), DEFAULT_PREFERENCES);
    pipeline.step(snapshot(T0 + 2, 10, processes), DEFAULT_PREFERENCES, { processesRefreshed: false });
    expect(pipeline.topProcesses(10).map((p) => p.sample_count)).toEqual([1]);
  });

  it('loads, exports and resets the baseline', () => {
    const pipeline = new AnalysisPipeline();
    const raw = fixture('reference-datastore/state/baseline.json');
    pipeline.loadBaseline(raw);
    expect(pipeline.exportBaseline()).toEqual(raw);
    expect(pipeline.baselineStatus()).toMatchObject({ ready: true, sample_count: 1650, min_samples_required: 60 });
    runCalm(pipeline, 1);
    expect(pipeline.baseline.sampleCount).toBe(1651);
    pipeline.resetBaseline();
    expect(pipeline.engineInfo(META)).toMatchObject({ baseline_ready: false, baseline_samples: 0, uptime_samples: 1 });
  });

  it('scores anomalies against a loaded baseline', () => {
    const pipeline = new AnalysisPipeline();
    pipeline.loadBaseline(fixture('reference-datastore/state/baseline.json'));
    // T0 is 08:00 UTC (morning, 1650 samples). The sample is learned first (SPEC order), so cpu 60
    // meets mean 24.7631 ± 11.0788: z 3.1806 → score 72.69 (high); memory 50 and disk 0 are below their means: z 0.
    const result = pipeline.step(snapshot(T0, 60), DEFAULT_PREFERENCES);
    expect(result.anomaly).toEqual({ score: 72.69, level: 'high', z_scores: { cpu: 3.18, memory: 0, disk: 0 }, is_sustained: false });
  });

  it('restores the checkpoint alerts for a warm start', () => {
    const pipeline = new AnalysisPipeline();
    const runtime = fixture('reference-datastore/state/runtime.json') as { alerts_recent: unknown[]; last_checkpoint_at: number };
    expect(pipeline.restoreAlerts(runtime.alerts_recent)).toBe(1);
    const state = pipeline.alertState(runtime.last_checkpoint_at);
    expect(state).toMatchObject({ total_fired: 1, in_cooldown: false, cooldown_remaining_sec: 0, recent_alerts: runtime.alerts_recent });
    expect(pipeline.recentAlerts()).toEqual(runtime.alerts_recent);
  });
});
