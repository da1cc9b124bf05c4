import { ANOMALY_LEVELS, type AnomalyRecord } from './anomaly-detector.js';
import type { NormalizedRecord } from './normalizer.js';
import type { PredictionRecord } from './prediction-engine.js';
import { STABILITY_STATES, type StabilityRecord } from './stability-calculator.js';
import { STRESS_LEVELS, type StressRecord } from './stress-engine.js';

/**
 * What a restored value must look like before GET /status serves it: `number` a finite number,
 * `number?` one or null, `boolean`, a list of allowed strings, or a nested object of the same.
 */
type Expect = 'number' | 'number?' | 'boolean' | readonly string[] | { readonly [key: string]: Expect };

function matches(value: unknown, expect: Expect): boolean {
  if (expect === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (expect === 'number?') return value === null || matches(value, 'number');
  if (expect === 'boolean') return typeof value === 'boolean';
  if (Array.isArray(expect)) return expect.includes(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const object = value as Record<string, unknown>;
  return Object.entries(expect).every(([key, inner]) => matches(object[key], inner));
}

const RESOURCE_NUMBERS = { cpu: 'number', memory: 'number', disk: 'number' } as const;

const STRESS: Expect = { score: 'number', level: STRESS_LEVELS, pressures: RESOURCE_NUMBERS, weights: RESOURCE_NUMBERS };
const STABILITY: Expect = {
  score: 'number',
  state: STABILITY_STATES,
  components: { stress_penalty: 'number', risk_penalty: 'number', anomaly_penalty: 'number' },
};
const ANOMALY: Expect = { score: 'number', level: ANOMALY_LEVELS, z_scores: RESOURCE_NUMBERS, is_sustained: 'boolean' };
const PREDICTION: Expect = { memory_exhaustion_eta_sec: 'number?', cpu_critical_eta_sec: 'number?', risk_score: 'number' };
const NORMALIZED: Expect = {
  timestamp: 'number',
  cpu: { raw: 'number', smoothed: 'number', spiking: 'boolean' },
  memory: { raw: 'number', smoothed: 'number', used: 'number', available: 'number', total: 'number', spiking: 'boolean' },
  swap_percent: 'number',
  disk_io: {
    read_bytes_per_sec: 'number',
    write_bytes_per_sec: 'number',
    read_ops_per_sec: 'number',
    write_ops_per_sec: 'number',
    total_bytes_per_sec: 'number',
    total_ops_per_sec: 'number',
    spiking: 'boolean',
  },
};

const restored =
  <T>(expect: Expect) =>
  (raw: unknown): T | null =>
    matches(raw, expect) ? (raw as T) : null;

/**
 * The checkpoint's last_* values (SPEC §7), each served by GET /status until the first fresh cycle
 * only when it has its stage's whole shape; anything else (a hand-edited or foreign file) is null.
 */
export const restoredStages = {
  stress: restored<StressRecord>(STRESS),
  stability: restored<StabilityRecord>(STABILITY),
  anomaly: restored<AnomalyRecord>(ANOMALY),
  prediction: restored<PredictionRecord>(PREDICTION),
  normalized: restored<NormalizedRecord>(NORMALIZED),
};
