import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../common/api-controller.decorator.js';
import { RUNNING_AS_EXECUTABLE } from '../common/embedded-assets.js';
import { ENGINE_VERSION } from '../common/package.js';
import { EMBEDDED_SWAGGER_UI } from './embedded-static.js';

/** The OpenAPI document of the engine's routes (the committed openapi/openapi.json). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('SentraCore engine')
    .setDescription('Local system-behaviour intelligence engine: telemetry, baseline, stress, stability, anomalies, alerts, history.')
    .setVersion(ENGINE_VERSION)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'SENTRACORE_API_TOKEN; needed by mutating routes when set' }, BEARER_SCHEME)
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Swagger UI at /docs and the document at /openapi.json. `ui: false` serves only the document:
 * the UI's assets come through @fastify/static, whose ESM-only dependencies jest cannot load on Node 20
 * (in the single executable, through embedded-static.ts instead). By default the document is built on
 * its first request, not before `listen`: building it walks every route and DTO (about 40 ms of
 * start-up, docs/performance.md), and most runs never ask for it.
 */
export function mountSwagger(
  app: INestApplication,
  document: OpenAPIObject | (() => OpenAPIObject) = () => buildOpenApiDocument(app),
  options: { ui?: boolean } = {},
): void {
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
    ui: options.ui ?? true,
    // In the single executable @fastify/static is replaced by embedded-static.ts, which serves this
    // key prefix from the executable; the path must not fall back to swagger-ui-dist on disk.
    ...(RUNNING_AS_EXECUTABLE ? { customSwaggerUiPath: EMBEDDED_SWAGGER_UI } : {}),
  });
}
