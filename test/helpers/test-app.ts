import { ScheduleModule } from '@nestjs/schedule';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createFastifyAdapter } from '../../src/http/fastify-adapter.js';
import { mountSwagger } from '../../src/openapi/swagger.js';
import { SentraCoreModule } from '../../src/sentra-core.module.js';

/**
 * The engine as a host app embeds it, on Fastify, with background jobs off and a throwaway
 * datastore; ready to be driven with supertest (`app.getHttpServer()`).
 */
export async function createTestApp(dataDir: string, options: { openApiJson?: boolean } = {}): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [ScheduleModule.forRoot(), SentraCoreModule.forRoot({ dataDir, sampling: { enabled: false }, telemetry: { source: 'scripted' } })],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { logger: false });
  await app.init();
  // The document only: Swagger UI's static assets cannot load under jest (see mountSwagger).
  if (options.openApiJson) mountSwagger(app, undefined, { ui: false });
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

type Shape = string | { [key: string]: Shape };

/** A value's structure with every leaf replaced by its JSON type, to compare against reference responses. */
export function shapeOf(value: unknown): Shape {
  if (value === null) return 'null';
  // Arrays compare as arrays only: the reference responses often hold empty ones.
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, shapeOf(child)]));
  return typeof value;
}
