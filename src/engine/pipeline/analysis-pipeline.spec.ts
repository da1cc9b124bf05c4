import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { ProcessRecord, SnapshotRecord } from '../../telemetry/snapshot.record.js';
import { AnalysisPipeline, type CycleResult } from './analysis-pipeline.js';
import { DEFAULT_PREFERENCES } from '../../preferences/preferences.record.js';
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
    // the second reading at or above 80 starts the spike
    const spike = {
      timestamp: T0 + 2,
      event_type: 'cpu_spike',
      severity: 'warning',
      details: { cpu_percent: 95, cpu_smoothed: 95, threshold: 85, description: 'CPU spike: 95.0% (smoothed 95.0%)' },
    };
    expect(results[1].events).toEqual([spike]);
    const alert = results[4].firedAlert!;
    // cpu 95 is hot: (0.5·95 + 0.35·50) / 1.1 = 59.09
    expect(alert.stress_score).toBe(59.09);
    expect(alert.message).toBe(
      'Resource alert (CPU pressure 95% (threshold 85%)). Stress moderate (59/100), sustained ~10s. Root cause: ' +
        "System is experiencing critical CPU pressure. The process 'hog' (PID 42) is the primary suspect, consuming 80.0% CPU. " +
        "A 'cpu_spike' event was detected recently.",
    );
    // 20 + 50 for the suspect + 30 for the trigger
    expect(alert.root_cause).toMatchObject({ primary_bottleneck: 'cpu', confidence_score: 100, trigger_event: spike });
    expect(alert.top_contributors.map((p) => [p.pid, p.sample_count, p.impact_score])).toEqual([
      [42, 5, 48.8], // 0.6·80 + 0.4·2
      [7, 5, 7], // 0.6·5 + 0.4·10
    ]);
    expect(results[4].events.map((e) => e.event_type)).toEqual(['alert_fired']);
    expect(results[4].alert).toMatchObject({ total_fired: 1, in_cooldown: true, consecutive_high: 5, last_alert: alert });
    expect(pipeline.listEvents().map((e) => e.event_type)).toEqual(['alert_fired', 'cpu_spike']);
  });

  it('logs stress level changes and spike resolution', () => {
    const pipeline = new AnalysisPipeline();
    const cpus = [10, 95, 95, 95, 95, 10, 10, 10, 10];
    const results = cpus.map((cpu, i) => pipeline.step(snapshot(T0 + 2 * i, cpu), DEFAULT_PREFERENCES));
    const details = results.flatMap((r, i) => r.events.map((e) => `${i}: ${e.event_type}: ${e.details.description}`));
    // cycle 1: cpu growing 42.5 %/s adds 425: pressure 100, hot → (0.5·100 + 0.35·50) / 1.1 = 61.36
    // cycle 2: smoothed 0.3·95 + 0.7·35.5 = 53.35 (53.349999… in binary)
    // cycle 5: smoothed 55.21, slope 0 over the 6 readings → 0.4·55.21 + 0.35·50 = 39.59
    // cycle 8: smoothed 25.51 → 0.4·25.51 + 0.35·50 = 27.70
    expect(details).toEqual([
      '1: stress_level_change: Stress level low -> high (score 61.4)',
      '2: cpu_spike: CPU spike: 95.0% (smoothed 53.3%)',
      '5: cpu_spike: CPU spike resolved at 10.0%',
      '5: stress_level_change: Stress level high -> moderate (score 39.6)',
      '8: stress_level_change: Stress level moderate -> low (score 27.7)',
    ]);
  });

  it("counts a carried-over list's readings for each cycle, and drops a process at the next scan without it", () => {
    const pipeline = new AnalysisPipeline();
    const listed = [proc(1, 'a', 10, 1), proc(2, 'b', 30, 1)];
    pipeline.step(snapshot(T0, 10, listed), DEFAULT_PREFERENCES);
    pipeline.step(snapshot(T0 + 2, 10, listed), DEFAULT_PREFERENCES, { processesRefreshed: false });
    expect(pipeline.topProcesses(10).map((p) => [p.pid, p.sample_count])).toEqual([
      [2, 2],
      [1, 2],
    ]);
    const cycle = pipeline.step(snapshot(T0 + 4, 10, [proc(1, 'a', 10, 1)]), DEFAULT_PREFERENCES);
    expect(pipeline.topProcesses(10).map((p) => [p.pid, p.sample_count])).toEqual([[1, 3]]);
    // no running pids given: leaving the list is all the pipeline can see
    expect(cycle.events.map((e) => [e.event_type, e.details.pid])).toEqual([['process_stop', 2]]);
  });

  it('tells real starts and exits from moves in the list when the source knows the running pids', () => {
    const pipeline = new AnalysisPipeline();
    const running = new Set([1, 2]);
    pipeline.step(snapshot(T0, 10, [proc(1, 'a', 10, 1), proc(2, 'b', 30, 1)]), DEFAULT_PREFERENCES, { runningPids: running });
    const moved = pipeline.step(snapshot(T0 + 2, 10, [proc(1, 'a', 10, 1)]), DEFAULT_PREFERENCES, { runningPids: running });
    expect(moved.events).toEqual([]); // 2 left the list but still runs
    const exited = pipeline.step(snapshot(T0 + 4, 10, [proc(1, 'a', 10, 1), proc(3, 'c', 5, 1)]), DEFAULT_PREFERENCES, {
      runningPids: new Set([1, 3]),
    });
    expect(exited.events.map((e) => e.details.description)).toEqual(['Process started: c (PID 3), 5.0% CPU, 1.0% memory', 'Process exited: b (PID 2)']);
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
    // meets mean 24.7631 ± 11.0788 (sample σ): z 3.1806 → score 72.69 (high); memory 50 and disk 0 are below their means: z 0.
    const result = pipeline.step(snapshot(T0, 60), DEFAULT_PREFERENCES);
    expect(result.anomaly).toEqual({ score: 72.69, level: 'high', z_scores: { cpu: 3.18, memory: 0, disk: 0 }, is_sustained: false });
  });

  it('restores the checkpoint alerts for a warm start', () => {
    const pipeline = new AnalysisPipeline();
    const runtime = fixture('reference-datastore/state/runtime.json') as { alerts_recent: unknown[]; last_checkpoint_at: number };
    expect(pipeline.restoreAlerts(runtime.alerts_recent)).toBe(1);
    const state = pipeline.alertState(runtime.last_checkpoint_at);
    expect(state).toMatchObject({ total_fired: 0, in_cooldown: false, cooldown_remaining_sec: 0, last_alert: runtime.alerts_recent[0] });
    expect(state.recent_alerts).toHaveLength(runtime.alerts_recent.length);
    expect(pipeline.recentAlerts()).toEqual(runtime.alerts_recent);
  });
});
