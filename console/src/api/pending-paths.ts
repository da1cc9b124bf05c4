// ─── TO BE REPLACED by the generated types ───────────────────────────────────────────────────────
// Routes being built on other branches (cleanup, large files), typed
// by hand from the earlier engine's shapes (docs/console.md, "Routes still to land"). `ApiPaths` in
// schema.ts uses an entry here only while the generated `paths` lacks that route: once a route lands,
// `npm run openapi` regenerates test/client/generated/openapi.d.ts, its generated type wins, and the
// console is compiled against the real shape. Delete an entry (and this file, at the end) then.

type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Methods = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
type Operation<Params, Body, Result> = { parameters: Omit<NoParams, keyof Params> & Params; responses: { 200: Json<Result> } } & ([Body] extends [never]
  ? { requestBody?: never }
  : { requestBody: { content: { 'application/json': Body } } });
type Route<M extends Partial<Record<Methods, unknown>>> = { parameters: NoParams } & { [K in Exclude<Methods, keyof M>]?: never } & M;

/** A domain failure answers HTTP 200 with `ok: false` and a readable `error`. */
export interface DomainResult {
  ok: boolean;
  error?: string;
}

export interface CleanupCategory {
  id: string;
  label: string;
  description: string;
  roots: string[];
  min_age_days: number;
  requires_admin: boolean;
}

export interface CleanupCategories {
  os_supports_recycle_bin: boolean;
  categories: CleanupCategory[];
}

export interface FileSample {
  path: string;
  size: number;
  mtime: number;
}

export interface ScanCategory {
  id: string;
  label: string;
  description: string;
  bytes: number;
  file_count: number;
  roots: string[];
  samples: FileSample[];
  requires_admin: boolean;
  error: string | null;
  truncated?: boolean;
}

export interface CleanupScan extends DomainResult {
  scan_id: string;
  started_at: number;
  completed_at: number;
  os: string;
  total_bytes: number;
  total_files: number;
  categories: ScanCategory[];
  truncated?: boolean;
}

export type CleanupMode = 'recycle' | 'permanent';

export interface CleanupApplied extends DomainResult {
  scan_id: string;
  mode: CleanupMode;
  removed: number;
  bytes_freed: number;
  skipped: number;
  errors: { path?: string; category?: string; error: string }[];
  errors_truncated?: number;
  per_category: Record<string, { removed: number; bytes_freed: number; skipped: number }>;
}

export interface LargeFile {
  path: string;
  size: number;
  mtime: number;
  parent: string;
}

export interface LargeFiles extends DomainResult {
  path: string;
  min_mb: number;
  limit: number;
  results: LargeFile[];
  truncated?: boolean;
  files_scanned?: number;
}

export interface PendingPaths {
  '/api/v1/cleanup/categories': Route<{ get: Operation<object, never, CleanupCategories> }>;
  '/api/v1/cleanup/scan': Route<{ post: Operation<object, { category_ids?: string[] }, CleanupScan> }>;
  '/api/v1/cleanup/scan/{scan_id}': Route<{ get: Operation<{ path: { scan_id: string } }, never, CleanupScan> }>;
  '/api/v1/cleanup/apply': Route<{
    post: Operation<object, { scan_id: string; category_ids: string[]; mode: CleanupMode }, CleanupApplied>;
  }>;
  '/api/v1/storage/large': Route<{
    get: Operation<{ query: { path: string; min_mb?: number; limit?: number; max_files_scanned?: number } }, never, LargeFiles>;
  }>;
}
