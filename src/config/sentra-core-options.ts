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
  /** Cleanup and the large-file finder (docs/cleanup.md). */
  cleanup: CleanupOptions;
  http: {
    /** Extra allowed CORS origins beyond loopback. */
    corsOrigins: string[];
    /** Extra allowed Host header names beyond loopback (e.g. the configured bind host). */
    allowedHosts: string[];
  };
}

/** Where cleanup looks and what it may walk (docs/cleanup.md). */
export interface CleanupOptions {
  /** SENTRACORE_CLEANUP_CATEGORIES_FILE: a JSON category table that replaces the built-in one. */
  categoriesFile?: string;
  /** The user's home: the built-in table's base and the finder's default root. */
  homeDir: string;
  /** SENTRACORE_LARGE_FILES_ROOTS: absolute folders the finder may walk besides the home. */
  largeFilesRoots: string[];
  /** The OS folders the built-in tables name (APPDATA, LOCALAPPDATA, TEMP, TMP, WINDIR, XDG_DATA_HOME). */
  folders: { appData?: string; localAppData?: string; temp?: string; tmp?: string; winDir?: string; xdgDataHome?: string };
  /** Files changed (mtime or ctime) less than this long ago are never cleaned: they may be in use. */
  recentChangeSec: number;
  /** Wall-clock budget of one scan or finder walk; past it the answer is partial and says so. */
  scanBudgetSec: number;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : Partial<T[K]>) : T[K] };

/** What a host app (or the standalone env mapping) passes to `SentraCoreModule.forRoot`. */
export type SentraCoreModuleOptions = DeepPartial<SentraCoreOptions>;

/** Injection token of the resolved, validated, frozen `SentraCoreOptions`. */
export const SENTRACORE_OPTIONS = Symbol('SENTRACORE_OPTIONS');
