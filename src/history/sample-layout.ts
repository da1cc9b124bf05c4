// SPEC §6: the on-disk layout of one history sample line, declared once. The line codec, the
// canonical-line scanner and the byte writers all take the key order and the key bytes from here,
// so a key change is one edit (docs/format/history.md describes the format).

/** The numeric top-level fields (null allowed), in on-disk order; `agg` aggregates exactly these. */
export const METRIC_FIELDS = ['cpu_percent', 'mem_percent', 'disk_pressure_percent', 'stability_score', 'stress_score'] as const;
export type MetricField = (typeof METRIC_FIELDS)[number];

/** The keys of a sample line, in the order they are written: `at`, the metrics, the processes. */
export const SAMPLE_KEYS = ['at', ...METRIC_FIELDS, 'top_processes'] as const;

/** The keys of one `top_processes` entry, in the order they are written. */
export const PROCESS_KEYS = ['name', 'pid', 'cpu_percent', 'mem_percent', 'impact'] as const;
export type ProcessKey = (typeof PROCESS_KEYS)[number];

/** At most this many processes per line fit the compact index (a count byte). */
export const MAX_INDEXED_PROCESSES = 255;

export const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

// `{"key":` for the first key of an object, `,"key":` for the others.
const keyBytes = (keys: readonly string[]): Buffer[] => keys.map((key, i) => latin1(`${i === 0 ? '{' : ','}"${key}":`));

/** `{"at":`, `,"cpu_percent":`, …, `,"top_processes":` — what precedes each value of a canonical line. */
export const SAMPLE_KEY_BYTES: readonly Buffer[] = keyBytes(SAMPLE_KEYS);

/** `{"name":`, `,"pid":`, …, `,"impact":` — what precedes each value of a canonical process entry. */
export const PROCESS_KEY_BYTES: readonly Buffer[] = keyBytes(PROCESS_KEYS);
