import type { ComponentName, ComponentReport } from './component-report.js';

/** One component's last measurement. */
export interface Measurement {
  report: ComponentReport;
  /** When the probe finished (epoch ms): the cache age counts from here, not from its start. */
  measuredAtMs: number;
  probeMs: number;
}

/**
 * The last measurement of each component, valid for `ttlMs` after its probe finished. Each
 * component ages on its own, so a component test refreshes one entry and never extends the others.
 */
export class ComponentCache {
  private readonly entries = new Map<ComponentName, Measurement>();

  constructor(private readonly ttlMs: number) {}

  store(name: ComponentName, measurement: Measurement): void {
    const current = this.entries.get(name);
    // Probes of one component can finish out of order (a test joined late); keep the newest.
    if (!current || current.measuredAtMs <= measurement.measuredAtMs) this.entries.set(name, measurement);
  }

  /** The measurement when it is still valid at `nowMs`; an expired one is never returned. */
  fresh(name: ComponentName, nowMs: number): Measurement | undefined {
    const entry = this.entries.get(name);
    return entry && nowMs - entry.measuredAtMs < this.ttlMs ? entry : undefined;
  }
}
