import type { FastifyInstance, FastifyReply } from 'fastify';
import { extname } from 'node:path';
import { embeddedAsset } from '../common/embedded-assets.js';

// Stands in for @fastify/static inside the single executable (scripts/package.mjs aliases the package
// to this file): SwaggerModule registers it for the Swagger UI's assets, which are embedded there under
// EMBEDDED_SWAGGER_UI/ instead of lying in node_modules/swagger-ui-dist. Nothing is read from disk, so
// no file beside the executable can ever be served by it.

/** Key prefix of swagger-ui-dist's files inside the executable; also the `root` SwaggerModule passes. */
export const EMBEDDED_SWAGGER_UI = 'swagger-ui-dist';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
};

export interface EmbeddedStaticOptions {
  /** The URL prefix (SwaggerModule passes its path, `/docs`); Fastify itself puts it before the plugin's routes. */
  prefix: string;
  /** Reads an embedded file (tests pass their own). */
  read?: (key: string) => Buffer | undefined;
}

/** The served file for a URL's last segment, or null: only plain names of the kinds above, only embedded ones. */
export function embeddedSwaggerFile(name: string, read = embeddedAsset): { bytes: Buffer; contentType: string } | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes('..')) return null;
  const contentType = CONTENT_TYPES[extname(name)];
  const bytes = contentType ? read(`${EMBEDDED_SWAGGER_UI}/${name}`) : undefined;
  return contentType && bytes ? { bytes, contentType } : null;
}

// A Fastify plugin with @fastify/static's calling shape (SwaggerModule reads `.default ?? module`).
export default function embeddedStatic(instance: FastifyInstance, options: EmbeddedStaticOptions, done: (error?: Error) => void): void {
  instance.get<{ Params: { name: string } }>('/:name', (request, reply: FastifyReply) => {
    const file = embeddedSwaggerFile(request.params.name, options.read);
    if (!file) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Route GET:${request.url} not found` });
    return reply.header('Content-Length', file.bytes.length).type(file.contentType).send(file.bytes);
  });
  done();
}
