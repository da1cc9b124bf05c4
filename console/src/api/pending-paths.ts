// ─── TO BE REPLACED by the generated types ───────────────────────────────────────────────────────
// Routes being built on other branches (process actions), typed
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

export type ProcessAction = 'terminate' | 'kill' | 'lower_priority' | 'normal_priority';

export interface PendingPaths {
  '/api/v1/processes/{pid}/action': Route<{
    post: Operation<{ path: { pid: number } }, { action: ProcessAction }, DomainResult>;
  }>;
}
