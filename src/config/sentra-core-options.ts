/** Resolved engine settings (SPEC §3), camelCase with the unit in each name. */
export interface SentraCoreOptions {
  /** Datastore root (SPEC §2). */
  dataDir: string;
  sampling: {
    /** Whether the background jobs (sampling, checkpoint, retention) run. */
    enabled: boolean;
    collectionIntervalSec: number;
    /** Refresh the expensive process list every N cycles. */
    processRefreshCycles: number;
  };
  telemetry: {
    /** `system` reads the machine; `scripted` replays a built-in demo script. */
    source: 'system' | 'scripted';
  };
  history: { sampleIntervalSec: number; retentionDays: number; maxBytes: number };
  checkpoint: { intervalSec: number };
  /** Bearer token required by mutating routes when set. */
  apiToken?: string;
  http: {
    /** Extra allowed CORS origins beyond loopback. */
    corsOrigins: string[];
    /** Extra allowed Host header names beyond loopback (e.g. the configured bind host). */
    allowedHosts: string[];
  };
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : Partial<T[K]>) : T[K] };

/** What a host app (or the standalone env mapping) passes to `SentraCoreModule.forRoot`. */
export type SentraCoreModuleOptions = DeepPartial<SentraCoreOptions>;

/** Injection token of the resolved, validated, frozen `SentraCoreOptions`. */
export const SENTRACORE_OPTIONS = Symbol('SENTRACORE_OPTIONS');
