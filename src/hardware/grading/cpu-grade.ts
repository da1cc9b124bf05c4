import type { ComponentReport } from '../model/component-report.js';
import { round, roundOrNull } from '../model/round.js';
import { raise, type HealthStatus } from '../model/status.js';

// The earlier engine's thresholds (engine/hardware/cpu_health.py).
export const TEMP_WARN_C = 80;
export const TEMP_CRIT_C = 92;
export const LOAD_WARN_PCT = 85;
export const LOAD_CRIT_PCT = 95;
/** current / max clock below this while loaded suggests throttling. */
export const THROTTLE_RATIO = 0.65;
const THROTTLE_MIN_LOAD_PCT = 50;

export interface TemperatureSensor {
  chip: string;
  label: string;
  current_c: number | null;
  high_c: number | null;
  critical_c: number | null;
}

/** What a platform probe found out about the CPU. */
export interface CpuFacts {
  /** Busy percent of each logical CPU over the probe's window. */
  perCorePct: number[];
  coresPhysical: number;
  freqCurrentMhz: number | null;
  freqMaxMhz: number | null;
  maxTempC: number | null;
  sensors: TemperatureSensor[];
  /** Linux thermal_throttle counters since boot (null where the platform has none). */
  coreThrottleCount: number | null;
  packageThrottleCount: number | null;
  /** How much those counters grew since the previous probe (null on the first). */
  throttleEventsSinceLastProbe: number | null;
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const stdev = (values: number[]) => Math.sqrt(mean(values.map((value) => (value - mean(values)) ** 2)));
const pct = (value: number) => `${Math.round(value)}%`;

/** The CPU component: the earlier engine's metrics (plus the throttle counters) and grading. */
export function cpuReport(facts: CpuFacts): ComponentReport {
  const load = facts.perCorePct.length > 0 ? mean(facts.perCorePct) : 0;
  const issues: string[] = [];
  let status: HealthStatus = 'healthy';
  const ratio = facts.freqCurrentMhz && facts.freqMaxMhz ? facts.freqCurrentMhz / facts.freqMaxMhz : undefined;
  if (ratio !== undefined && ratio < THROTTLE_RATIO && load >= THROTTLE_MIN_LOAD_PCT) {
    issues.push(`CPU clock at ${pct(ratio * 100)} of max while under ${pct(load)} load`);
    status = 'warning';
  }
  if (facts.maxTempC !== null && facts.maxTempC >= TEMP_CRIT_C) {
    status = raise(status, 'critical');
    issues.push(`CPU temperature ${Math.round(facts.maxTempC)}°C is critical`);
  } else if (facts.maxTempC !== null && facts.maxTempC >= TEMP_WARN_C) {
    status = raise(status, 'warning');
    issues.push(`CPU temperature ${Math.round(facts.maxTempC)}°C is elevated`);
  }
  if (load >= LOAD_CRIT_PCT) {
    status = 'critical';
    issues.push(`CPU load sustained at ${pct(load)}`);
  } else if (load >= LOAD_WARN_PCT) {
    status = raise(status, 'warning');
    issues.push(`CPU load elevated at ${pct(load)}`);
  }
  if (facts.throttleEventsSinceLastProbe) {
    status = raise(status, 'warning');
    issues.push(`CPU thermally throttled ${facts.throttleEventsSinceLastProbe} times since the last check`);
  }
  return { status, metrics: cpuMetrics(facts, load, ratio), issues, items: [] };
}

function cpuMetrics(facts: CpuFacts, load: number, ratio: number | undefined): Record<string, unknown> {
  return {
    load_avg_pct: round(load, 1),
    load_max_core_pct: round(facts.perCorePct.length > 0 ? Math.max(...facts.perCorePct) : 0, 1),
    cores_logical: facts.perCorePct.length,
    cores_physical: facts.coresPhysical,
    ...(facts.perCorePct.length >= 2 && { load_core_stdev: round(stdev(facts.perCorePct), 2) }),
    freq_current_mhz: roundOrNull(facts.freqCurrentMhz, 1),
    freq_max_mhz: roundOrNull(facts.freqMaxMhz, 1),
    ...(ratio !== undefined && { freq_ratio: round(ratio, 3) }),
    max_temp_c: roundOrNull(facts.maxTempC, 1),
    sensors: facts.sensors,
    core_throttle_count: facts.coreThrottleCount,
    package_throttle_count: facts.packageThrottleCount,
  };
}
