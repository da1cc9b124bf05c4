import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { WinstonModule } from 'nest-winston';
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppModule } from './app.module.js';
import { ConfigError, SentraCoreError } from './common/sentra-core.error.js';
import { engineOptionsFromEnv, serverSettingsFromEnv, type ServerSettings } from './config/env.js';
import { resolveOptions } from './config/resolve-options.js';
import type { SentraCoreOptions } from './config/sentra-core-options.js';
import { mountConsole } from './console/mount-console.js';
import { configureHttp } from './http/configure-http.js';
import { createFastifyAdapter } from './http/fastify-adapter.js';
import { isLoopbackHost } from './http/loopback.js';
import { mountSwagger } from './openapi/swagger.js';
import { EngineConfigStore } from './standalone/engine-config.store.js';
import { findFreePort } from './standalone/free-port.js';
import { loggingOptions } from './standalone/logging.options.js';
import { DatastorePaths } from './storage/datastore-paths.js';
import { isProcessAlive } from './storage/engine-lock.js';

// The standalone server. The only place that listens, installs winston and decides the exit code.

interface Settings {
  server: ServerSettings;
  /** Read from the environment and resolved once, here; the engine module takes them as they are. */
  engine: SentraCoreOptions;
}

function loadSettings(): Settings {
  return { server: serverSettingsFromEnv(), engine: resolveOptions(engineOptionsFromEnv()) };
}

async function start({ server, engine }: Settings, store: EngineConfigStore): Promise<INestApplication> {
  const { dataDir } = engine;
  const logger = WinstonModule.createLogger(
    loggingOptions({ file: new DatastorePaths(engine).logFile(), maxBytes: server.logMaxBytes, backupCount: server.logBackupCount }),
  );
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(engine), createFastifyAdapter(), {
    logger,
    abortOnError: false,
  });
  // /ws/live and /ws/alerts (LiveSocketsModule) share the HTTP port; set before init connects the gateways.
  app.useWebSocketAdapter(new WsAdapter(app));
  configureHttp(app, { bindHost: server.host, ...engine.http });
  mountSwagger(app);
  // The web console at / (docs/console.md): two routes; its files are read from disk only when asked for.
  mountConsole(app);
  // init runs the modules' onModuleInit, which takes the datastore lock (a second engine fails here).
  await app.init();
  // Only now, holding the datastore lock, may this process speak for the engine in engine-config.json.
  await sweepStaleTempFiles(store.file);
  await store.update({ status: 'starting', pid: process.pid, last_error: null });
  const port = await findFreePort(server.port, server.host);
  await app.listen(port, server.host);
  if (!isLoopbackHost(server.host) && !engine.apiToken) {
    Logger.warn(
      `listening on non-loopback ${server.host} without SENTRACORE_API_TOKEN: anyone on the network can change settings and wipe history`,
      'Bootstrap',
    );
  }
  if (port !== server.port) Logger.warn(`port ${server.port} is busy; listening on ${port} instead`, 'Bootstrap');
  // Handlers before "running" reaches the file: whoever reads it may signal us right away.
  stopOnSignals(app, store);
  await store.update({ status: 'running', host: server.host, bind_host: server.host, port, pid: process.pid, last_error: null });
  Logger.log(`SentraCore listening on http://${server.host}:${port} (datastore ${dataDir})`, 'Bootstrap');
  return app;
}

/** Removes the temp files of engine-config.json writes that a killed engine left (never a live writer's). */
async function sweepStaleTempFiles(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  for (const name of await readdir(dirname(file)).catch(() => [] as string[])) {
    const pid = name.startsWith(prefix) ? /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid !== undefined && !isProcessAlive(Number(pid))) await unlink(join(dirname(file), name)).catch(() => undefined);
  }
}

function stopOnSignals(app: INestApplication, store: EngineConfigStore): void {
  const stop = async (signal: string) => {
    Logger.log(`${signal} received; stopping cleanly`, 'Bootstrap');
    try {
      await app.close();
      await store.update({ status: 'stopped', pid: 0 });
      process.exit(0);
    } catch (error) {
      Logger.error(error, 'Bootstrap');
      process.exit(1);
    }
  };
  // A second signal while stopping gets Node's default handling: a forced exit.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, (s) => void stop(s));
}

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`sentracore: invalid setting: ${error.message}\n`);
    process.exit(2);
  }
  const { server } = settings;
  const store = new EngineConfigStore(server.engineConfigPath ?? EngineConfigStore.defaultPath(), server);
  await store.load();
  try {
    await start(settings, store);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sentracore: failed to start: ${message}\n`);
    // A second engine refused by the lock must not overwrite the running engine's record.
    const refusedByLock = error instanceof SentraCoreError && error.code === 'CONFLICT';
    if (!refusedByLock) await store.update({ status: 'failed', last_error: message, pid: 0 }).catch(() => undefined);
    process.exit(1);
  }
}

void main();
