import type { DayColumns } from '../index/day-columns.js';
import { METRIC_FIELDS } from '../sample-layout.js';
import { round2 } from '../write/history-line.codec.js';

export const HISTORY_AGGS = ['first', 'avg', 'min', 'max'] as const;
export type HistoryAgg = (typeof HISTORY_AGGS)[number];

/** GET /history parameters (SPEC §6 plus the `agg` extension); every field optional. */
export interface HistoryQuery {
  from?: number;
  to?: number;
  granularity?: number;
  limit?: number;
  agg?: HistoryAgg;
}

export interface ResolvedQuery {
  fromSec: number;
  toSec: number;
  granularitySec: number;
  limit?: number;
  agg: HistoryAgg;
}

const DAY_SEC = 86_400;

/** SPEC §6 defaults: `to` now, `from` 24 h before `to`; from > to is swapped. */
export function resolveQuery(query: HistoryQuery, nowSec: number): ResolvedQuery {
  const toSec = query.to ?? nowSec;
  const fromSec = query.from ?? toSec - DAY_SEC;
  return {
    fromSec: Math.min(fromSec, toSec),
    toSec: Math.max(fromSec, toSec),
    granularitySec: query.granularity ?? 0,
    limit: query.limit,
    agg: query.agg ?? 'first',
  };
}

/** Lines [lo, hi) of one day index, ascending by `at`; a query's answer is a list of these, in order. */
export interface Segment {
  columns: DayColumns;
  lo: number;
  hi: number;
}

export const countOf = (segments: readonly Segment[]): number => segments.reduce((n, s) => n + s.hi - s.lo, 0);

/** Every indexed sample with fromSec ≤ at ≤ toSec, ascending by `at` (ties: file order, then line order). */
export function pickRange(columns: readonly DayColumns[], fromSec: number, toSec: number): Segment[] {
  const segments: Segment[] = [];
  let lastAt = -Infinity;
  for (const cols of columns) {
    if (!cols.sorted) return pickUnsorted(columns, fromSec, toSec);
    const [lo, hi] = cols.bounds(fromSec, toSec);
    if (lo >= hi) continue;
    if (cols.at[lo] < lastAt) return pickUnsorted(columns, fromSec, toSec);
    segments.push({ columns: cols, lo, hi });
    lastAt = cols.at[hi - 1];
  }
  return segments;
}

// The rare archive whose lines are out of order (a clock set back): a stable sort by `at`.
function pickUnsorted(columns: readonly DayColumns[], fromSec: number, toSec: number): Segment[] {
  const lines: Segment[] = [];
  for (const cols of columns) {
    for (let i = 0; i < cols.count; i++) if (cols.at[i] >= fromSec && cols.at[i] <= toSec) lines.push({ columns: cols, lo: i, hi: i + 1 });
  }
  return lines.sort((a, b) => a.columns.at[a.lo] - b.columns.at[b.lo]); // Array#sort is stable
}

/**
 * SPEC §6 granularity: keep the first sample, then only samples with `at − last kept ≥ g`.
 * Each next sample is found by binary search (the difference grows with `at`), so the cost follows
 * the samples kept, not the range.
 */
export function downsample(segments: readonly Segment[], granularitySec: number): Segment[] {
  if (!(granularitySec > 0)) return [...segments];
  const kept: Segment[] = [];
  let last = -Infinity;
  for (const { columns, lo, hi } of segments) {
    const at = columns.at;
    for (let i = firstSpaced(at, lo, hi, last, granularitySec); i < hi; i = firstSpaced(at, i + 1, hi, last, granularitySec)) {
      kept.push({ columns, lo: i, hi: i + 1 });
      last = at[i];
    }
  }
  return kept;
}

function firstSpaced(at: Float64Array, lo: number, hi: number, last: number, granularitySec: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at[mid] - last >= granularitySec) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** SPEC §6 limit: the most recent N samples. */
export function takeLast(segments: readonly Segment[], limit: number | undefined): Segment[] {
  if (limit === undefined) return [...segments];
  const kept: Segment[] = [];
  let room = limit;
  for (let s = segments.length - 1; s >= 0 && room > 0; s--) {
    const { columns, lo, hi } = segments[s];
    const lo2 = Math.max(lo, hi - room);
    kept.unshift({ columns, lo: lo2, hi });
    room -= hi - lo2;
  }
  return kept;
}

/** An aggregated bucket: metrics done (NaN for null); `top_processes` come from the representative line. */
export interface Bucket {
  at: number;
  metrics: Float64Array;
  columns: DayColumns;
  line: number;
}

export type Aggregation = Exclude<HistoryAgg, 'first'>;
const METRICS = METRIC_FIELDS.length;
const STRESS = METRIC_FIELDS.indexOf('stress_score');

/**
 * `agg` over `granularitySec`-second buckets aligned to the epoch, stamped with the bucket start.
 * Each metric is aggregated over its non-null values (null when there are none); the processes are
 * those of the bucket's highest-stress sample (lowest for `min`): the moment that shaped the bucket.
 * One pass over the index columns, no line is read or parsed.
 */
export function aggregate(segments: readonly Segment[], granularitySec: number, agg: Aggregation): Bucket[] {
  const buckets: Bucket[] = [];
  const initial = agg === 'min' ? Infinity : agg === 'max' ? -Infinity : 0;
  const better = agg === 'min' ? -1 : 1; // stress · better > best · better picks the representative
  let acc = new Float64Array(METRICS);
  const counts = new Uint32Array(METRICS);
  let [key, repColumns, repLine, repStress]: [number, DayColumns | undefined, number, number] = [NaN, undefined, 0, NaN];
  const flush = () => {
    for (let m = 0; m < METRICS; m++) acc[m] = counts[m] === 0 ? NaN : round2(agg === 'avg' ? acc[m] / counts[m] : acc[m]);
    buckets.push({ at: round2(key), metrics: acc, columns: repColumns!, line: repLine });
  };
  for (const { columns, lo, hi } of segments) {
    const { at, metrics } = columns;
    for (let i = lo; i < hi; i++) {
      const start = Math.floor(at[i] / granularitySec) * granularitySec;
      const k = Number.isFinite(start) ? start : at[i]; // a granularity too fine to divide by
      if (k !== key) {
        if (repColumns) flush();
        [key, repColumns, acc] = [k, undefined, new Float64Array(METRICS).fill(initial)];
        counts.fill(0);
      }
      const base = i * METRICS;
      for (let m = 0; m < METRICS; m++) {
        const v = metrics[base + m];
        if (v !== v) continue; // NaN: null
        counts[m]++;
        if (agg === 'avg') acc[m] += v;
        else if (agg === 'min' ? v < acc[m] : v > acc[m]) acc[m] = v;
      }
      // Until a stress value shows up the latest sample represents the bucket; then the first extreme one.
      const stress = metrics[base + STRESS];
      if (!repColumns || repStress !== repStress || stress * better > repStress * better) [repColumns, repLine, repStress] = [columns, i, stress];
    }
  }
  if (repColumns) flush();
  return buckets;
}
