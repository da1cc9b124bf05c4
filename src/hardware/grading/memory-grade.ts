import type { ComponentReport } from '../model/component-report.js';
import { round, roundOrNull } from '../model/round.js';
import { raise, type HealthStatus } from '../model/status.js';

// The earlier engine's thresholds (engine/hardware/memory_health.py).
export const USE_WARN_PCT = 85;
export const USE_CRIT_PCT = 95;
export const SWAP_WARN_PCT = 25;
export const SWAP_CRIT_PCT = 60;
/** Swap-out faster than this means the machine is paging actively. */
export const PAGING_BPS = 5 * 1024 * 1024;

/** One memory module row (Windows CIM; Linux EDAC DIMMs). */
export interface MemoryModule {
  manufacturer: string | null;
  part_number: string | null;
  capacity_bytes: number | null;
  speed_mhz: number | null;
  configured_speed_mhz: number | null;
  slot: string | null;
  form_factor: string | null;
  [extra: string]: unknown;
}

export interface MemoryFacts {
  totalBytes: number;
  usedBytes: number;
  availableBytes: number;
  /** null when swap could not be read (then only swap_total_bytes: null is written, as the earlier engine does). */
  swap: { totalBytes: number; usedBytes: number } | null;
  /** Bytes per second over the probe's window; null where the platform gives no counters. */
  swapInBps: number | null;
  swapOutBps: number | null;
  /** EDAC error counts since boot (Linux, when the memory controller reports them). */
  correctedErrors: number | null;
  uncorrectedErrors: number | null;
  modules: MemoryModule[];
}

const pct = (value: number) => `${Math.round(value)}%`;

function swapMetrics(facts: MemoryFacts): Record<string, unknown> {
  if (!facts.swap) return { swap_total_bytes: null };
  const swapPercent = facts.swap.totalBytes > 0 ? (facts.swap.usedBytes / facts.swap.totalBytes) * 100 : 0;
  return { swap_total_bytes: facts.swap.totalBytes, swap_used_bytes: facts.swap.usedBytes, swap_percent: round(swapPercent, 1) };
}

/** The memory component: the earlier engine's metrics (plus EDAC counts) and grading. */
export function memoryReport(facts: MemoryFacts): ComponentReport {
  const percent = facts.totalBytes > 0 ? ((facts.totalBytes - facts.availableBytes) / facts.totalBytes) * 100 : 0;
  const metrics: Record<string, unknown> = {
    total_bytes: facts.totalBytes,
    used_bytes: facts.usedBytes,
    available_bytes: facts.availableBytes,
    percent: round(percent, 1),
    ...swapMetrics(facts),
    swap_in_bps: roundOrNull(facts.swapInBps, 1),
    swap_out_bps: roundOrNull(facts.swapOutBps, 1),
    edac_corrected_errors: facts.correctedErrors,
    edac_uncorrected_errors: facts.uncorrectedErrors,
  };
  const issues: string[] = [];
  let status: HealthStatus = 'healthy';
  if (percent >= USE_WARN_PCT) {
    status = percent >= USE_CRIT_PCT ? 'critical' : 'warning';
    issues.push(`Memory utilisation at ${pct(percent)}`);
  }
  const swapPercent = (metrics.swap_percent as number | undefined) ?? 0;
  if (swapPercent >= SWAP_WARN_PCT) {
    status = raise(status, swapPercent >= SWAP_CRIT_PCT ? 'critical' : 'warning');
    issues.push(`Swap utilisation at ${pct(swapPercent)}`);
  }
  if (facts.swapOutBps !== null && facts.swapOutBps > PAGING_BPS) {
    status = raise(status, 'warning');
    issues.push('Active paging to disk');
  }
  if (facts.uncorrectedErrors) {
    status = raise(status, 'critical');
    issues.push(`${facts.uncorrectedErrors} uncorrectable memory errors reported by EDAC`);
  }
  if (facts.correctedErrors) {
    status = raise(status, 'warning');
    issues.push(`${facts.correctedErrors} corrected memory errors reported by EDAC`);
  }
  return { status, metrics, issues, items: facts.modules };
}
