import { ANY, FLOAT, INT, type WireObject } from '../common/wire.js';

/** SPEC §7 state/runtime.json. The last_* values are the engine's wire records, opaque to this module. */
export interface RuntimeCheckpointRecord {
  schema: 1;
  last_clean_shutdown: boolean;
  /** Unix seconds. */
  last_checkpoint_at: number | null;
  alerts_recent: Record<string, unknown>[];
  last_stress: Record<string, unknown> | null;
  last_stability: Record<string, unknown> | null;
  last_normalized: Record<string, unknown> | null;
  last_prediction: Record<string, unknown> | null;
  last_anomaly: Record<string, unknown> | null;
}

/** What the engine hands over at each checkpoint. */
export type CheckpointContent = Omit<RuntimeCheckpointRecord, 'schema' | 'last_clean_shutdown' | 'last_checkpoint_at'>;

/** SPEC §5 "Keep the last 50": a checkpoint never restores more alerts than the engine keeps. */
export const KEPT_ALERTS = 50;

export const CHECKPOINT_KEYS = ['last_stress', 'last_stability', 'last_normalized', 'last_prediction', 'last_anomaly'] as const;

export function emptyCheckpoint(): RuntimeCheckpointRecord {
  return {
    schema: 1,
    last_clean_shutdown: false,
    last_checkpoint_at: null,
    alerts_recent: [],
    last_stress: null,
    last_stability: null,
    last_normalized: null,
    last_prediction: null,
    last_anomaly: null,
  };
}

/** The file's shape: its own header fields, then the engine's content shape (SPEC §4 "Number types"). */
export function checkpointFileShape(content: WireObject): WireObject {
  const header: [string, typeof ANY][] = [
    ['schema', INT],
    ['last_clean_shutdown', ANY],
    ['last_checkpoint_at', FLOAT],
  ];
  return { kind: 'object', fields: new Map([...header, ...content.fields]) };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A checkpoint from disk, or null when it is not one we understand (unknown schema, wrong types). */
export function parseCheckpoint(raw: unknown): RuntimeCheckpointRecord | null {
  if (!isObject(raw) || raw.schema !== 1) return null;
  const record = emptyCheckpoint();
  record.last_clean_shutdown = raw.last_clean_shutdown === true;
  record.last_checkpoint_at = typeof raw.last_checkpoint_at === 'number' ? raw.last_checkpoint_at : null;
  record.alerts_recent = Array.isArray(raw.alerts_recent) ? newestAlerts(raw.alerts_recent) : [];
  for (const key of CHECKPOINT_KEYS) record[key] = isObject(raw[key]) ? raw[key] : null;
  return record;
}

const timestampOf = (alert: Record<string, unknown>) => (Number.isFinite(alert.timestamp) ? (alert.timestamp as number) : Number.NEGATIVE_INFINITY);

/**
 * The newest KEPT_ALERTS entries (by timestamp; objects only), bounded at read time: a hostile or
 * runaway checkpoint holding 200,000 alerts must not stay resident for the whole run.
 */
function newestAlerts(entries: unknown[]): Record<string, unknown>[] {
  const objects = entries.filter(isObject);
  if (objects.length <= KEPT_ALERTS) return objects;
  return objects.sort((a, b) => timestampOf(b) - timestampOf(a)).slice(0, KEPT_ALERTS);
}
