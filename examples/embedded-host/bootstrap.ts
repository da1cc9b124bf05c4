import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { WsAdapter } from '@nestjs/platform-ws';
import { mountSwagger } from '../../src/index.js';
import { HostModule, type HostSettings } from './host.module.js';

/**
 * Creates the host app (not yet listening). The host owns the HTTP server, the logger and the
 * lifecycle; the engine adds routes and jobs to it and stops with the host's `app.close()`.
 */
export async function createHostApp(settings: HostSettings, options: { logger?: false; swaggerUi?: boolean } = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(HostModule.register(settings), new FastifyAdapter(), {
    logger: options.logger,
    abortOnError: false,
  });
  // Required by LiveSocketsModule; without it Nest would look for socket.io and exit the process.
  app.useWebSocketAdapter(new WsAdapter(app));
  // Optional: Swagger UI at /docs and /openapi.json for the engine's routes. `swaggerUi: false` serves
  // the document only (jest on Node < 24.9 cannot load the UI's assets: @fastify/static requires the
  // ESM-only content-disposition, and jest's runtime has no require(esm) there).
  mountSwagger(app, undefined, { ui: options.swaggerUi ?? true });
  return app;
}
