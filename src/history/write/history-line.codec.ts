// SPEC §6: one history sample per line of history/samples-YYYY-MM-DD.jsonl (UTC day of `at`).
import { toWireJson, wireShapeOf } from '../../common/wire.js';
import { HistoryProcessDto, HistorySampleDto } from '../dto/history-sample.dto.js';
import { METRIC_FIELDS, PROCESS_KEYS, type MetricField, type ProcessKey } from '../sample-layout.js';
import { round2 } from '../../common/round.js';

/** How a sample line and its processes are written (SPEC §4 "Number types": `35.0`, as the earlier engine wrote them). */
export const SAMPLE_SHAPE = wireShapeOf(HistorySampleDto);
export const PROCESSES_SHAPE = { kind: 'array', items: wireShapeOf(HistoryProcessDto) } as const;

/** SPEC §6 top process entry of a history sample. */
export interface HistoryProcessRecord {
  name: string;
  pid: number;
  cpu_percent: number;
  mem_percent: number;
  impact: number;
}

/** SPEC §6 history sample, exactly as stored on disk and served by GET /history. */
export interface HistorySampleRecord {
  /** Unix seconds (fractional). */
  at: number;
  cpu_percent: number | null;
  mem_percent: number | null;
  disk_pressure_percent: number | null;
  stability_score: number | null;
  stress_score: number | null;
  top_processes: HistoryProcessRecord[];
}

const FILE_PATTERN = /^samples-(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The UTC day of a history file name, or undefined for anything that is not a sample file. */
export function dayOfFileName(name: string): string | undefined {
  return FILE_PATTERN.exec(name)?.[1];
}

export function fileNameOfDay(day: string): string {
  return `samples-${day}.jsonl`;
}

/** `YYYY-MM-DD` of a unix-seconds timestamp, in UTC. */
export function dayOfAt(atSec: number): string {
  return new Date(Math.floor(atSec * 1000)).toISOString().slice(0, 10);
}

/** First second of a UTC day. */
export function dayStartSec(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? round2(value) : null);
const numberOrZero = (value: unknown): number => numberOrNull(value) ?? 0;

const PROCESS_VALUES: { [K in ProcessKey]: (value: unknown) => HistoryProcessRecord[K] } = {
  name: (value) => String(value ?? ''),
  pid: (value) => (typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0),
  cpu_percent: numberOrZero,
  mem_percent: numberOrZero,
  impact: numberOrZero,
};

// Objects are built key by key in the layout's order: the serializer writes keys in insertion order.
function normalizeProcess(process: HistoryProcessRecord): HistoryProcessRecord {
  const out: Partial<Record<ProcessKey, unknown>> = {};
  for (const key of PROCESS_KEYS) out[key] = PROCESS_VALUES[key](process[key]);
  return out as HistoryProcessRecord;
}

/**
 * The sample as it is stored: every number rounded to 2 decimals, scores that are not finite
 * become null, keys in the order of sample-layout.ts (so two engines write byte-identical lines).
 */
export function normalizeSample(sample: HistorySampleRecord): HistorySampleRecord {
  const out: Record<string, unknown> = { at: round2(sample.at) };
  for (const field of METRIC_FIELDS) out[field] = numberOrNull(sample[field]);
  out.top_processes = processEntries(sample).map(normalizeProcess);
  return out as unknown as HistorySampleRecord;
}

/** One line (without its newline): float-typed values always in float form (`45.0`), pid an integer. */
export function encodeSample(sample: HistorySampleRecord): string {
  return toWireJson(normalizeSample(sample), SAMPLE_SHAPE);
}

const isEntry = (value: unknown): value is HistoryProcessRecord => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The process entries of a decoded sample that are objects: a stored `[null]` or `7` entry is dropped, never served. */
export function processEntries(sample: HistorySampleRecord): HistoryProcessRecord[] {
  const processes: unknown = sample.top_processes;
  return Array.isArray(processes) ? processes.filter(isEntry) : [];
}

/**
 * A decoded sample as GET /history serves it: the stored values, in the forms the OpenAPI document declares.
 * `top_processes` is always an array of objects (malformed entries inside a stored line are dropped).
 */
export function sampleJson(sample: HistorySampleRecord): string {
  const processes: unknown = sample.top_processes;
  const clean = Array.isArray(processes) && processes.every(isEntry) ? sample : { ...sample, top_processes: processEntries(sample) };
  return toWireJson(clean, SAMPLE_SHAPE);
}

/**
 * The sample of one line, or undefined for a malformed one (readers skip it and go on).
 * A valid sample is any JSON object with a finite numeric `at`; the object is returned as
 * written, so lines from the earlier engine read back exactly as it served them, and lines with
 * whole numbers in integer form (`45`, what this engine wrote before) are read all the same.
 */
export function decodeSampleLine(line: string): HistorySampleRecord | undefined {
  const text = line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const at = (value as { at?: unknown }).at;
  return typeof at === 'number' && Number.isFinite(at) ? (value as HistorySampleRecord) : undefined;
}

/** A metric of a decoded sample as a number, NaN when null, missing or not a number. */
export function metricOf(sample: HistorySampleRecord, field: MetricField): number {
  const value = (sample as unknown as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : NaN;
}
