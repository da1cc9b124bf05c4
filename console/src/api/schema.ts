import type { components, paths as GeneratedPaths } from '../../../test/client/generated/openapi';

/** Every route the console calls, as the OpenAPI document declares it (`npm run openapi`). */
export type ApiPaths = GeneratedPaths;

export type Schemas = components['schemas'];

type Method = 'get' | 'post' | 'put' | 'delete';

/** The JSON body a route answers with HTTP 200. */
export type JsonOf<P extends keyof ApiPaths, M extends Method> =
  ApiPaths[P] extends Record<M, infer Op> ? (Op extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never) : never;

export type Status = JsonOf<'/api/v1/status', 'get'>;
export type Preferences = JsonOf<'/api/v1/preferences', 'get'>;
export type Alert = JsonOf<'/api/v1/alerts', 'get'>['alerts'][number];
export type EngineEvent = JsonOf<'/api/v1/events', 'get'>['events'][number];
export type ProcessStats = JsonOf<'/api/v1/processes', 'get'>['processes'][number];
export type ProcessAction = NonNullable<Schemas['ProcessActionBodyDto']['action']>;
export type HistorySample = JsonOf<'/api/v1/history', 'get'>['samples'][number];
export type StorageInfo = JsonOf<'/api/v1/storage/info', 'get'>;
export type HardwareHealth = JsonOf<'/api/v1/hardware/health', 'get'>;
/** Any of the three components (cpu, memory, disks): the page renders them with one card. */
export type HardwareComponent = HardwareHealth['components'][keyof HardwareHealth['components']];
export type CleanupCategories = JsonOf<'/api/v1/cleanup/categories', 'get'>;
export type CleanupScan = JsonOf<'/api/v1/cleanup/scan', 'post'>;
export type CleanupApplied = JsonOf<'/api/v1/cleanup/apply', 'post'>;
export type LargeFiles = JsonOf<'/api/v1/storage/large', 'get'>;
