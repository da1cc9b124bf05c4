/** A file a scan recorded: what apply re-verifies before touching it. */
export interface Candidate {
  path: string;
  size: number;
  mtimeMs: number;
  /** ctime moves on every change, also when a new file took the old inode number. */
  ctimeMs: number;
  dev: bigint;
  ino: bigint;
}

export interface FileSample {
  path: string;
  size: number;
  mtime: number;
}

export interface SkipCounts {
  symlinks: number;
  special: number;
  locks: number;
  recent: number;
  young: number;
  duplicates: number;
  unreadable_dirs: number;
  /** Folders below the depth limit, not walked. */
  deep_dirs: number;
}

/** One category of a scan answer (the earlier engine's keys, then additive ones). */
export interface CategoryResult {
  id: string;
  label: string;
  description: string;
  bytes: number;
  file_count: number;
  roots: string[];
  samples: FileSample[];
  requires_admin: boolean;
  error: string | null;
  truncated: boolean;
  files_scanned: number;
  skipped: SkipCounts;
}

export type ScanStop = 'complete' | 'time_budget' | 'file_cap';

export interface ScanAnswer {
  ok: true;
  scan_id: string;
  started_at: number;
  completed_at: number;
  os: string;
  total_bytes: number;
  total_files: number;
  categories: CategoryResult[];
  truncated: boolean;
  files_scanned: number;
  stopped: ScanStop;
  expires_at: number;
}

/** What the registry keeps: the answer and, per category, its real roots and every candidate. */
export interface StoredScan {
  answer: ScanAnswer;
  recorded: Map<string, { roots: string[]; minAgeDays: number; extensions?: string[]; candidates: Candidate[] }>;
}

export interface DomainError {
  ok: false;
  error: string;
}
