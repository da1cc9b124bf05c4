import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootEngine } from './boot-engine.js';

/**
 * The engine as a host app embeds it, on Fastify, with background jobs off and a throwaway
 * datastore; ready to be driven with supertest (`app.getHttpServer()`).
 */
export function createTestApp(dataDir: string, options: { openApiJson?: boolean } = {}): Promise<NestFastifyApplication> {
  return bootEngine({ dataDir, sampling: { enabled: false }, telemetry: { source: 'scripted' } }, { openApiJson: options.openApiJson });
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
