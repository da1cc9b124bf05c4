import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ScheduleModule } from '@nestjs/schedule';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SentraCoreModule } from '../sentra-core.module.js';
import { PACKAGE_ROOT } from '../common/package.js';
import { canonicalJson } from './canonical-json.js';
import { buildOpenApiDocument } from './swagger.js';

// `npm run openapi`: rewrites the committed openapi/openapi.json from the app's routes and DTOs.
// It never listens and never initialises the app, and it points the engine at a throwaway
// datastore, so it touches neither a port nor the user's data.

export const OPENAPI_FILE = join(PACKAGE_ROOT, 'openapi', 'openapi.json');

const dataDir = await mkdtemp(join(tmpdir(), 'sentracore-openapi-'));

@Module({
  imports: [ScheduleModule.forRoot(), SentraCoreModule.forRoot({ dataDir, sampling: { enabled: false }, telemetry: { source: 'scripted' } })],
})
class OpenApiHostModule {}

async function writeOpenApi(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(OpenApiHostModule, new FastifyAdapter(), { logger: false, abortOnError: false });
  try {
    const text = canonicalJson(buildOpenApiDocument(app));
    await mkdir(dirname(OPENAPI_FILE), { recursive: true });
    await writeFile(OPENAPI_FILE, text);
    process.stdout.write(`wrote ${OPENAPI_FILE} (${Buffer.byteLength(text)} bytes)\n`);
  } finally {
    await app.close();
  }
}

try {
  await writeOpenApi();
} catch (error) {
  process.stderr.write(`write-openapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
