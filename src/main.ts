import 'reflect-metadata';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { WinstonModule } from 'nest-winston';
import { readdir, unlink } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
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
import { connectHost, listenPlan, type ListenPlan } from './standalone/listen-plan.js';
import { loggingOptions } from './standalone/logging.options.js';
import { DatastorePaths } from './storage/datastore-paths.js';
import { isProcessAlive } from './storage/engine-lock.js';
import { ENGINE_VERSION } from './common/package.js';
import { commandLine } from './standalone/command-line.js';

// The standalone server. The only place that listens, installs winston and decides the exit code.

interface Settings {
  server: ServerSettings;
  /** Read from the environment and resolved once, here; the engine module takes them as they are. */
  engine: SentraCoreOptions;
}

function loadSettings(): Settings {
  return { server: serverSettingsFromEnv(), engine: resolveOptions(engineOptionsFromEnv()) };
}

async function start({ server, engine }: Settings, store: EngineConfigStore, plan: ListenPlan): Promise<INestApplication> {
  const { dataDir } = engine;
  const logger = WinstonModule.createLogger(
    loggingOptions({ file: new DatastorePaths(engine).logFile(), maxBytes: server.logMaxBytes, backupCount: server.logBackupCount }),
  );
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(engine), createFastifyAdapter({ maxConnections: server.maxConnections }), {
    logger,
    abortOnError: false,
  });
  // /ws/live and /ws/alerts (LiveSocketsModule) share the HTTP port; set before init connects the gateways.
  app.useWebSocketAdapter(new WsAdapter(app));
  configureHttp(app, { bindHost: plan.host, ...engine.http });
  mountSwagger(app);
  // The web console at / (docs/console.md): two routes; its files are read from disk only when asked for.
  mountConsole(app);
  // init runs the modules' onModuleInit, which takes the datastore lock (a second engine fails here).
  await app.init();
  // Only now, holding the datastore lock, may this process speak for the engine in engine-config.json.
  await sweepStaleTempFiles(store.file);
  await store.update({ status: 'starting', bind_host: plan.host, pid: process.pid, last_error: '' });
  const port = await findFreePort(plan.port, plan.host);
  await app.listen(port, plan.host);
  warnAboutAddress(plan, port, Boolean(engine.apiToken));
  // Handlers before "running" reaches the file: whoever reads it may signal us right away.
  stopOnSignals(app, store);
  const bound = (app.getHttpServer() as { address(): AddressInfo }).address().address;
  await store.update({ status: 'running', host: connectHost(bound), bind_host: bound, port, pid: process.pid, last_error: '' });
  Logger.log(`SentraCore listening on http://${connectHost(bound)}:${port} (bound to ${bound}; datastore ${dataDir})`, 'Bootstrap');
  return app;
}

function warnAboutAddress(plan: ListenPlan, port: number, hasToken: boolean): void {
  if (plan.refusedBindHost !== undefined) {
    Logger.warn(
      `engine-config.json asks to listen on ${plan.refusedBindHost}, which would serve the admin routes to the network without ` +
        `SENTRACORE_API_TOKEN; listening on ${plan.host} only (set SENTRACORE_API_TOKEN, or SENTRACORE_HOST to choose the address)`,
      'Bootstrap',
    );
  } else if (!isLoopbackHost(plan.host) && !hasToken) {
    Logger.warn(`listening on non-loopback ${plan.host} without SENTRACORE_API_TOKEN: anyone on the network can change settings and wipe history`, 'Bootstrap');
  }
  if (port !== plan.port) Logger.warn(`port ${plan.port} is busy; listening on ${port} instead`, 'Bootstrap');
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
  // A second signal while stopping gets Node's default handling: a forced exit. On Windows, closing the
  // console window arrives as SIGHUP (Windows ends the process about 10 s later) and Ctrl+Break as SIGBREAK.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', ...(process.platform === 'win32' ? (['SIGBREAK'] as const) : [])] as const;
  for (const signal of signals) process.once(signal, (s) => void stop(s));
}

async function main(): Promise<void> {
  // The executable and npm start take no arguments but these two (SENTRACORE_* variables configure the engine).
  const cli = commandLine(process.argv.slice(2), ENGINE_VERSION);
  if (cli.action === 'print') {
    // exitCode, not exit(): on Windows a pipe is written asynchronously and exit() could cut the text.
    process.exitCode = cli.exitCode;
    process[cli.stream].write(cli.text);
    return;
  }
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`sentracore: invalid setting: ${error.message}\n`);
    process.exit(2);
  }
  const { server } = settings;
  const store = new EngineConfigStore(server.engineConfigPath ?? EngineConfigStore.defaultPath(), server.defaultPort);
  // The dashboard's launcher wrote the port (and bind_host) it wants into the file before starting us.
  const plan = listenPlan(server, await store.load(), Boolean(settings.engine.apiToken));
  try {
    await start(settings, store, plan);
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
