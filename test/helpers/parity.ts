// Compares each cycle of a replayed parity trace (test/helpers/parity-replay.mjs) with what the
// earlier engine produced on it (test/fixtures/parity/README.md says how and with which tolerances).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function readJsonLines<T>(path: string): T[] {
  return parseJsonLines<T>(gunzipSync(readFileSync(path)).toString('utf8'));
}

/** The earlier engine's cycles on the trace, or this engine's from test/helpers/parity-replay.mjs. */
export function parseJsonLines<T>(text: string): T[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export interface Mismatch {
  path: string;
  expected: Json | undefined;
  actual: Json | undefined;
}

const EXACT = /(^|\.)(cycle|timestamp|used|available|total|sample_count|pid|total_fired|consecutive_high|memory_available|count|capacity)$/;
const SEGMENT_COUNT = /^baseline\.segment_counts\./;

/** One unit of the field's wire rounding (README "Compare as follows"); 0 for integers. */
function unitOf(path: string): number {
  if (EXACT.test(path) || SEGMENT_COUNT.test(path)) return 0;
  if (path.startsWith('trend.')) return 1e-4;
  if (path.startsWith('stress.weights.')) return 1e-3;
  if (/^prediction\.\w+_eta_sec$/.test(path) || path.startsWith('stability.')) return 0.1;
  return 0.01;
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep comparison of `expected`'s keys; `extraKeys` may appear in `actual` only. */
function compareValue(expected: Json | undefined, actual: Json | undefined, path: string, out: Mismatch[], extraKeys: readonly string[] = []): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Math.abs(expected - actual) > unitOf(path) * (1 + 1e-6) + 1e-9) out.push({ path, expected, actual });
    return;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual).filter((k) => !extraKeys.includes(k))]);
    for (const key of keys) compareValue(expected[key], actual[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((item, i) => compareValue(item, actual[i], path, out));
    return;
  }
  if (expected !== actual) out.push({ path, expected, actual });
}

/** Matched by pid; the ranking rank by rank on impact_score within 0.01 (near-equal ones may swap). */
function compareProcesses(expected: Json[], actual: Json[], path: string, out: Mismatch[]): void {
  const pids = (list: Json[]): number[] => list.map((p) => (p as JsonObject).pid as number).sort((a, b) => a - b);
  if (JSON.stringify(pids(expected)) !== JSON.stringify(pids(actual))) {
    out.push({ path: `${path}.pids`, expected: pids(expected), actual: pids(actual) });
    return;
  }
  expected.forEach((e, rank) => {
    compareValue((e as JsonObject).impact_score, (actual[rank] as JsonObject).impact_score, `${path}.rank_impact_score`, out);
    const mine = actual.find((a) => (a as JsonObject).pid === (e as JsonObject).pid);
    compareValue(e, mine, path, out);
  });
}

/** Unordered: each expected event matches a distinct actual one; `description` is this engine's addition. */
function compareEvents(expected: Json[], actual: Json[], out: Mismatch[]): void {
  const left = [...actual];
  for (const e of expected) {
    const index = left.findIndex((a) => {
      const probe: Mismatch[] = [];
      compareValue((e as JsonObject).details, (a as JsonObject).details, 'events.details', probe, ['description']);
      compareValue({ ...(e as JsonObject), details: null }, { ...(a as JsonObject), details: null }, 'events', probe);
      return probe.length === 0 && typeof ((a as JsonObject).details as JsonObject).description === 'string';
    });
    if (index < 0) out.push({ path: 'events', expected: e, actual: undefined });
    else left.splice(index, 1);
  }
  for (const a of left) out.push({ path: 'events', expected: undefined, actual: a });
}

/** The sentence naming the trigger event (exempt, docs/parity.md (b)). */
const TRIGGER_SENTENCE = / (A '\w+' event was detected recently|This pressure began shortly after the process was launched)\./;
const withoutTrigger = (text: Json | undefined): Json | undefined => (typeof text === 'string' ? text.replace(TRIGGER_SENTENCE, '') : text);

function compareFired(expected: Json | undefined, actual: Json | undefined, out: Mismatch[]): void {
  if (!isObject(expected) || !isObject(actual)) {
    if (expected !== actual) out.push({ path: 'fired', expected: expected ?? null, actual: actual ?? null });
    return;
  }
  const strip = (alert: JsonObject): JsonObject => {
    const { trigger_event: _t, confidence_score: _c, ...rootCause } = alert.root_cause as JsonObject;
    return {
      ...alert,
      top_contributors: null,
      message: withoutTrigger(alert.message) ?? null,
      root_cause: { ...rootCause, summary: withoutTrigger(rootCause.summary) ?? null },
    };
  };
  compareValue(strip(expected), strip(actual), 'fired', out);
  compareProcesses(expected.top_contributors as Json[], actual.top_contributors as Json[], 'fired.top_contributors', out);
}

/** Prediction is exempt on cycles 0–9, while the slope smoothing starts up (docs/parity.md (a)). */
export const PREDICTION_EXEMPT_BEFORE = 10;

export function compareCycle(expected: JsonObject, actual: JsonObject): Mismatch[] {
  const out: Mismatch[] = [];
  const groups = ['normalized', 'trend', 'anomaly', 'stress', 'prediction', 'stability', 'alert_state', 'baseline', 'buffers'];
  for (const group of groups) {
    if (group === 'prediction' && (expected.cycle as number) < PREDICTION_EXEMPT_BEFORE) continue;
    compareValue(expected[group], actual[group], group, out);
  }
  compareValue(expected.cycle, actual.cycle, 'cycle', out);
  compareValue(expected.timestamp, actual.timestamp, 'timestamp', out);
  compareFired(expected.fired, actual.fired, out);
  compareEvents(expected.events as Json[], actual.events as Json[], out);
  compareProcesses(expected.processes as Json[], actual.processes as Json[], 'processes', out);
  return out;
}

/** The field a mismatch belongs to for the per-field figures: leaf paths, whole lists for the rest. */
export function fieldOf(path: string): string {
  if (path.startsWith('fired')) return 'fired';
  if (path.startsWith('processes')) return 'processes';
  if (path.startsWith('events')) return 'events';
  return path;
}

export function groupOf(path: string): string {
  return path.split('.')[0];
}

/** The leaf paths of a reference line, i.e. the fields that are compared on every cycle. */
export function fieldsOf(line: JsonObject): string[] {
  const leaves = (value: Json, path: string): string[] =>
    isObject(value) ? Object.entries(value).flatMap(([key, child]) => leaves(child, `${path}.${key}`)) : [path];
  const groups = ['normalized', 'trend', 'anomaly', 'stress', 'prediction', 'stability', 'alert_state', 'baseline', 'buffers'];
  return [...groups.flatMap((g) => leaves(line[g], g)), 'cycle', 'timestamp', 'fired', 'events', 'processes'];
}
