// The reference semantics of SPEC §6 (and the `agg` extension of issue #4) as a naive full scan:
// read every line of every day file, parse it, filter, sort, downsample. Tests compare the indexed
// store against this, so it is written for obviousness, not speed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC_FIELDS } from '../src/history/sample-layout.js';
import { round2, type HistorySampleRecord } from '../src/history/write/history-line.codec.js';

export interface NaiveQuery {
  fromSec: number;
  toSec: number;
  granularitySec: number;
  limit?: number;
  agg: 'first' | 'avg' | 'min' | 'max';
}

/** Every valid sample of the archive, file by file (by name), line by line. */
export function readArchive(dir: string): HistorySampleRecord[] {
  const names = readdirSync(dir)
    .filter((n) => /^samples-\d{4}-\d{2}-\d{2}\.jsonl$/.test(n))
    .sort();
  const samples: HistorySampleRecord[] = [];
  for (const name of names) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      try {
        const value = JSON.parse(line.replace(/^\uFEFF/, ''));
        if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.at === 'number' && Number.isFinite(value.at)) samples.push(value);
      } catch {
        // a malformed line costs that line only
      }
    }
  }
  return samples;
}

const metric = (s: HistorySampleRecord, field: string): number => {
  const v = (s as unknown as Record<string, unknown>)[field];
  return typeof v === 'number' ? v : NaN;
};

export function naiveQuery(all: readonly HistorySampleRecord[], q: NaiveQuery): HistorySampleRecord[] {
  const inRange = all.filter((s) => s.at >= q.fromSec && s.at <= q.toSec).sort((a, b) => a.at - b.at);
  if (q.agg === 'first' || !(q.granularitySec > 0)) {
    const kept: HistorySampleRecord[] = [];
    for (const s of inRange) if (kept.length === 0 || s.at - kept[kept.length - 1].at >= q.granularitySec) kept.push(s);
    return q.limit === undefined ? kept : kept.slice(-q.limit);
  }
  const groups = new Map<number, HistorySampleRecord[]>();
  for (const s of inRange) {
    const key = Math.floor(s.at / q.granularitySec) * q.granularitySec;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const agg = q.agg as 'avg' | 'min' | 'max';
  const buckets = [...groups].map(([key, samples]) => bucket(key, samples, agg));
  return q.limit === undefined ? buckets : buckets.slice(-q.limit);
}

function bucket(key: number, samples: HistorySampleRecord[], agg: 'avg' | 'min' | 'max'): HistorySampleRecord {
  const record: Record<string, unknown> = { at: round2(key) };
  for (const field of METRIC_FIELDS) {
    const values = samples.map((s) => metric(s, field)).filter((v) => !Number.isNaN(v));
    let value = agg === 'avg' ? 0 : values[0];
    for (const v of values) value = agg === 'avg' ? value + v : agg === 'min' ? Math.min(value, v) : Math.max(value, v);
    record[field] = values.length === 0 ? null : round2(agg === 'avg' ? value / values.length : value);
  }
  const withStress = samples.filter((s) => !Number.isNaN(metric(s, 'stress_score')));
  let rep = samples[samples.length - 1];
  if (withStress.length > 0) {
    rep = withStress[0];
    for (const s of withStress) if (agg === 'min' ? s.stress_score! < rep.stress_score! : s.stress_score! > rep.stress_score!) rep = s;
  }
  record.top_processes = Array.isArray(rep.top_processes) ? rep.top_processes : [];
  return record as unknown as HistorySampleRecord;
}
