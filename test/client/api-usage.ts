import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/openapi.js';

// Client code written against the types openapi-typescript generates from openapi/openapi.json.
// `tsc --noEmit -p test/client/tsconfig.json` type-checks it (generated-client.e2e-spec.ts), so a
// spec that drops, renames or retypes a field these calls rely on fails the build of this file.

export type SentraCoreClient = Client<paths>;
type Schemas = components['schemas'];

export function connect(baseUrl: string): SentraCoreClient {
  return createClient<paths>({ baseUrl });
}

function must<T>(result: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (result.data === undefined) throw new Error(`${what}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  return result.data;
}

export interface HealthView {
  status: string;
  engine: boolean;
  clients: { live: number; alerts: number };
  writable: boolean;
}

export async function health(client: SentraCoreClient): Promise<HealthView> {
  const data: Schemas['HealthDto'] = must(await client.GET('/api/v1/health'), 'GET /api/v1/health');
  return {
    status: data.status,
    engine: data.engine,
    clients: { live: data.websocket_clients.live, alerts: data.websocket_clients.alerts },
    writable: data.storage.writable,
  };
}

export interface StatusView {
  version: string;
  uptimeSamples: number;
  warmStarted: boolean;
  stressScore: number | null;
  stressLevel: string | null;
  cpuPressure: number | null;
  stabilityScore: number | null;
  riskScore: number | null;
  alertsFired: number;
  shortBuffer: { count: number; capacity: number };
}

export async function status(client: SentraCoreClient): Promise<StatusView> {
  const data = must(await client.GET('/api/v1/status'), 'GET /api/v1/status');
  return {
    version: data.engine.version,
    uptimeSamples: data.engine.uptime_samples,
    warmStarted: data.engine.warm_started,
    stressScore: data.stress?.score ?? null,
    stressLevel: data.stress?.level ?? null,
    cpuPressure: data.stress?.pressures.cpu ?? null,
    stabilityScore: data.stability?.score ?? null,
    riskScore: data.prediction?.risk_score ?? null,
    alertsFired: data.alert.total_fired,
    shortBuffer: { count: data.buffers.short.count, capacity: data.buffers.short.capacity },
  };
}

export interface HistoryView {
  samples: { at: number; cpuPercent: number | null; stressScore: number | null; topProcess: string | null }[];
  totalSamples: number;
  files: string[];
}

export async function history(client: SentraCoreClient, fromSec: number, toSec: number, granularitySec: number, limit: number): Promise<HistoryView> {
  const data = must(
    await client.GET('/api/v1/history', { params: { query: { from: fromSec, to: toSec, granularity: granularitySec, limit } } }),
    'GET /api/v1/history',
  );
  return {
    samples: data.samples.map((s) => ({ at: s.at, cpuPercent: s.cpu_percent, stressScore: s.stress_score, topProcess: s.top_processes[0]?.name ?? null })),
    totalSamples: data.summary.total_samples,
    files: data.summary.files,
  };
}

export interface StorageView {
  root: string;
  totalBytes: number;
  sectionBytes: Record<'config' | 'state' | 'history' | 'logs' | 'cache' | 'reports', number>;
  historySamples: number;
  previousRunUnclean: boolean;
}

export async function storageInfo(client: SentraCoreClient): Promise<StorageView> {
  const data = must(await client.GET('/api/v1/storage/info'), 'GET /api/v1/storage/info');
  const { config, state, history: historySection, logs, cache, reports } = data.sections;
  return {
    root: data.root,
    totalBytes: data.total_bytes,
    sectionBytes: { config: config.bytes, state: state.bytes, history: historySection.bytes, logs: logs.bytes, cache: cache.bytes, reports: reports.bytes },
    historySamples: data.history.total_samples,
    previousRunUnclean: data.runtime_checkpoint.previous_run_unclean,
  };
}

export async function updatePreferences(client: SentraCoreClient, body: Schemas['UpdatePreferencesDto']): Promise<Schemas['PreferencesDto']> {
  const data = must(await client.PUT('/api/v1/preferences', { body }), 'PUT /api/v1/preferences');
  if (data.ok !== true) throw new Error('PUT /api/v1/preferences: ok is not true');
  return data.preferences;
}

/** PUT /preferences with a wrong type, for the 400 path: returns the status and the error body. */
export async function rejectedPreferences(client: SentraCoreClient): Promise<{ status: number; error: unknown }> {
  const body = { alert_cpu_percent: 'high' } as unknown as Schemas['UpdatePreferencesDto'];
  const { response, error } = await client.PUT('/api/v1/preferences', { body });
  return { status: response.status, error };
}

export async function clearCache(client: SentraCoreClient): Promise<{ filesRemoved: number; bytesFreed: number; httpStatus: number }> {
  const result = await client.POST('/api/v1/storage/cache/clear');
  const data = must(result, 'POST /api/v1/storage/cache/clear');
  return { filesRemoved: data.files_removed, bytesFreed: data.bytes_freed, httpStatus: result.response.status };
}
