// What one probe returns: the earlier engine's component shape (docs/extras.md "Hardware health").

export type ComponentName = 'cpu' | 'memory' | 'disks';

export const COMPONENT_NAMES: readonly ComponentName[] = ['cpu', 'memory', 'disks'];

export interface ComponentReport {
  status: string;
  metrics: Record<string, unknown>;
  issues: string[];
  items: Record<string, unknown>[];
}

/** A component report as served, with when it was measured. */
export interface ServedComponent extends ComponentReport {
  /** Unix seconds when its probe finished; null when nothing recent was measured. */
  measured_at: number | null;
  /** How long its probe took, in ms; null when nothing recent was measured. */
  probe_ms: number | null;
}

/** The body of GET /hardware/health and /hardware/test. */
export interface HealthReport {
  ok: true;
  ts: number;
  overall: string;
  components: Record<ComponentName, ServedComponent>;
}

/** The shape of a component that could not be probed at all. */
export const failedComponent = (issue: string): ComponentReport => ({ status: 'unknown', metrics: {}, issues: [issue], items: [] });
