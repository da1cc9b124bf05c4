import type { Measurement } from './component-cache.js';
import { COMPONENT_NAMES, type ComponentName, type HealthReport, type ServedComponent } from './component-report.js';
import { worstStatus } from './status.js';

const served = (measurement: Measurement): ServedComponent => ({
  ...measurement.report,
  measured_at: measurement.measuredAtMs / 1000,
  probe_ms: measurement.probeMs,
});

/** A component with no valid measurement: the earlier engine's empty `unknown` shape, saying why. */
const notMeasured = (ttlSec: number): ServedComponent => ({
  status: 'unknown',
  metrics: {},
  issues: [`not measured in the last ${ttlSec} s; refresh to probe it`],
  items: [],
  measured_at: null,
  probe_ms: null,
});

/**
 * The response body from each component's measurement (undefined: nothing valid to show). `ts` is
 * when the oldest shown measurement finished, so it never claims more freshness than the data has;
 * `overall` is the worst component status.
 */
export function assembleReport(measurements: Partial<Record<ComponentName, Measurement>>, nowMs: number, ttlSec: number): HealthReport {
  const components = Object.fromEntries(
    COMPONENT_NAMES.map((name) => {
      const measurement = measurements[name];
      return [name, measurement ? served(measurement) : notMeasured(ttlSec)];
    }),
  ) as Record<ComponentName, ServedComponent>;
  const times = COMPONENT_NAMES.flatMap((name) => measurements[name]?.measuredAtMs ?? []);
  return {
    ok: true,
    ts: (times.length > 0 ? Math.min(...times) : nowMs) / 1000,
    overall: worstStatus(COMPONENT_NAMES.map((name) => components[name].status)),
    components,
  };
}
