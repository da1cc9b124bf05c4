import { ScheduleModule } from '@nestjs/schedule';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { Test } from '@nestjs/testing';
import { CLOCK, type Clock } from '../../src/common/clock.js';
import type { RawOptions } from '../../src/config/resolve-options.js';
import { configureHttp, type HttpPolicy } from '../../src/http/configure-http.js';
import { createFastifyAdapter } from '../../src/http/fastify-adapter.js';
import { LiveSocketsModule } from '../../src/live/live-sockets.module.js';
import { LIVE_STREAM_LIMITS, type LiveStreamLimits } from '../../src/live/live-stream.limits.js';
import { mountSwagger } from '../../src/openapi/swagger.js';
import { SentraCoreModule } from '../../src/sentra-core.module.js';
import { FS_PORT, type FsPort } from '../../src/storage/fs.port.js';
import { ScriptedTelemetrySource, type TelemetryScript } from '../../src/telemetry/scripted.source.js';
import { TELEMETRY_SOURCE } from '../../src/telemetry/telemetry-source.js';
import { withCleanupSandbox } from './cleanup-sandbox.js';

export interface BootOptions {
  /** Replaces the telemetry source with this script. */
  script?: TelemetryScript;
  clock?: Clock;
  limits?: LiveStreamLimits;
  /** Replaces the filesystem port (fault injection). */
  fs?: FsPort;
  /** LiveSocketsModule and the ws adapter, as main.ts installs them. */
  ws?: boolean;
  /** The Host/Origin/CORS policy main.ts applies. */
  http?: HttpPolicy;
  /** The OpenAPI document at /openapi.json (Swagger UI's static assets cannot load under jest). */
  openApiJson?: boolean;
  /** Listen on 127.0.0.1 at a free port; else only initialised, for in-process requests. */
  listen?: boolean;
  /** Called before listen, e.g. to mount more routes as a host would. */
  beforeListen?: (app: NestFastifyApplication) => void;
  /** More providers to replace: [token, value]. */
  overrides?: [symbol | string, unknown][];
}

/** The one factory of the test apps: the engine as a host embeds it, on the Fastify adapter main.ts uses. */
export async function bootEngine(options: RawOptions, boot: BootOptions = {}): Promise<NestFastifyApplication> {
  let builder = Test.createTestingModule({
    imports: [ScheduleModule.forRoot(), SentraCoreModule.forRoot(withCleanupSandbox(options)), ...(boot.ws ? [LiveSocketsModule] : [])],
  });
  if (boot.script) builder = builder.overrideProvider(TELEMETRY_SOURCE).useValue(new ScriptedTelemetrySource(boot.script));
  if (boot.clock) builder = builder.overrideProvider(CLOCK).useValue(boot.clock);
  if (boot.fs) builder = builder.overrideProvider(FS_PORT).useValue(boot.fs);
  if (boot.limits) builder = builder.overrideProvider(LIVE_STREAM_LIMITS).useValue(boot.limits);
  for (const [token, value] of boot.overrides ?? []) builder = builder.overrideProvider(token).useValue(value);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { logger: false });
  if (boot.ws) app.useWebSocketAdapter(new WsAdapter(app));
  if (boot.http) configureHttp(app, boot.http);
  if (boot.listen) {
    if (boot.openApiJson) mountSwagger(app, undefined, { ui: false });
    boot.beforeListen?.(app);
    await app.listen(0, '127.0.0.1');
    return app;
  }
  await app.init();
  if (boot.openApiJson) mountSwagger(app, undefined, { ui: false });
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
