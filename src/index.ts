// The package's public entry (package.json "main"): what a host Nest application imports.

/** The whole engine as a dynamic module: `SentraCoreModule.forRoot(options)` / `forRootAsync(...)`. */
export { SentraCoreModule } from './sentra-core.module.js';

/**
 * Opt-in WebSockets `/ws/live` and `/ws/alerts`. Import it next to `SentraCoreModule` and install the
 * ws adapter before `listen`: `app.useWebSocketAdapter(new WsAdapter(app))` (`@nestjs/platform-ws`).
 */
export { LiveSocketsModule } from './live/live-sockets.module.js';

/** Limits of the live WebSockets (send-buffer cap, heartbeat); override the token to change them. */
export { DEFAULT_LIVE_STREAM_LIMITS, LIVE_STREAM_LIMITS, type LiveStreamLimits } from './live/live-stream.limits.js';

/** The resolved settings (inject with `@Inject(SENTRACORE_OPTIONS)`) and what `forRoot` accepts. */
export { SENTRACORE_OPTIONS, type SentraCoreModuleOptions, type SentraCoreOptions } from './config/sentra-core-options.js';

/** The engine's state (`status()`) and its per-cycle and per-alert streams, for host code. */
export { EngineService } from './engine/engine.service.js';
export { EngineEvents, type CycleEvent } from './engine/engine-events.js';

/** This engine's prom-client registry (`.registry`), e.g. to merge into a host's own /metrics. */
export { MetricsRegistry } from './metrics/metrics.registry.js';

/** Swagger UI at /docs and the document at /openapi.json, for hosts that want them. */
export { buildOpenApiDocument, mountSwagger } from './openapi/swagger.js';

/** The web console (docs/console.md): `mountConsole(app, { path })` serves it, like `mountSwagger`. */
export { mountConsole, type ConsoleOptions } from './console/mount-console.js';

/** Wire shapes of the REST API (SPEC §4), as documented in openapi/openapi.json. */
export * from './engine/dto/alert.dto.js';
export * from './engine/dto/analysis.dto.js';
export * from './engine/dto/health.dto.js';
export * from './preferences/dto/preferences.dto.js';
export * from './engine/dto/snapshot.dto.js';
export * from './engine/dto/status.dto.js';
export * from './engine/dto/storage-info.dto.js';
export * from './hardware/dto/cpu-component.dto.js';
export * from './hardware/dto/disks-component.dto.js';
export * from './hardware/dto/hardware-health.dto.js';
export * from './hardware/dto/memory-component.dto.js';
export * from './cleanup/dto/cleanup-apply.dto.js';
export * from './cleanup/dto/cleanup-categories.dto.js';
export * from './cleanup/dto/cleanup-request.dto.js';
export * from './cleanup/dto/cleanup-scan.dto.js';
export * from './cleanup/dto/large-files.dto.js';

/** Who decides whether the engine runs elevated (override PRIVILEGE in tests or special hosts). */
export { PRIVILEGE, type Privilege } from './cleanup/privilege.js';
