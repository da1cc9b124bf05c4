import { RunningStats, type MetricStatsRecord } from './running-stats.js';

export const BASELINE_SEGMENTS = ['global', 'night', 'morning', 'afternoon', 'evening'] as const;
export const BASELINE_METRICS = ['cpu_percent', 'memory_percent', 'disk_ops_per_sec'] as const;
export type BaselineSegment = (typeof BASELINE_SEGMENTS)[number];
export type TimeSegment = Exclude<BaselineSegment, 'global'>;
export type BaselineMetric = (typeof BASELINE_METRICS)[number];
export type BaselineSample = Record<BaselineMetric, number>;

// SPEC §5 "Baseline": the state/baseline.json shape, also `stats` in GET /baseline.
export type BaselineFileRecord = Record<BaselineSegment, Record<BaselineMetric, MetricStatsRecord>>;

// SPEC §4 GET /baseline.
export interface BaselineStatusRecord {
  ready: boolean;
  sample_count: number;
  min_samples_required: number;
  stats: BaselineFileRecord;
}

type SegmentStats = Record<BaselineMetric, RunningStats>;

/** The time-of-day segment of a unix-seconds timestamp, by the machine's local hour. */
export function segmentOf(timestamp: number): TimeSegment {
  const hour = new Date(timestamp * 1000).getHours();
  if (hour < 6) return 'night';
  if (hour < 12) return 'morning';
  if (hour < 18) return 'afternoon';
  return 'evening';
}

function emptySegment(): SegmentStats {
  return { cpu_percent: new RunningStats(), memory_percent: new RunningStats(), disk_ops_per_sec: new RunningStats() };
}

function mapRecord<K extends string, B>(keys: readonly K[], f: (key: K) => B): Record<K, B> {
  return Object.fromEntries(keys.map((key) => [key, f(key)])) as Record<K, B>;
}

/** What this machine normally looks like, overall and per time of day. */
export class BaselineModel {
  static readonly MIN_SAMPLES = 60;
  private segments = mapRecord(BASELINE_SEGMENTS, emptySegment);

  /** Samples learned overall; every sample lands in `global` and in exactly one time segment. */
  get sampleCount(): number {
    return this.segments.global.cpu_percent.count;
  }

  get ready(): boolean {
    return this.sampleCount >= BaselineModel.MIN_SAMPLES;
  }

  update(timestamp: number, sample: BaselineSample): void {
    for (const segment of ['global', segmentOf(timestamp)] as const) {
      for (const metric of BASELINE_METRICS) this.segments[segment][metric].add(sample[metric]);
    }
  }

  stats(segment: BaselineSegment, metric: BaselineMetric): Readonly<RunningStats> {
    return this.segments[segment][metric];
  }

  reset(): void {
    this.segments = mapRecord(BASELINE_SEGMENTS, emptySegment);
  }

  toRecord(): BaselineFileRecord {
    return mapRecord(BASELINE_SEGMENTS, (segment) => mapRecord(BASELINE_METRICS, (metric) => this.segments[segment][metric].toRecord()));
  }

  toStatusRecord(): BaselineStatusRecord {
    return {
      ready: this.ready,
      sample_count: this.sampleCount,
      min_samples_required: BaselineModel.MIN_SAMPLES,
      stats: this.toRecord(),
    };
  }

  /** Tolerant load: a missing or malformed segment or metric starts empty, the rest is kept. */
  static fromRecord(raw: unknown): BaselineModel {
    const model = new BaselineModel();
    const file = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    model.segments = mapRecord(BASELINE_SEGMENTS, (segment) => {
      const entry = file[segment];
      const metrics = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
      return mapRecord(BASELINE_METRICS, (metric) => RunningStats.fromRecord(metrics[metric]));
    });
    return model;
  }
}
