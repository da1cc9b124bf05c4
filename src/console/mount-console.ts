import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../common/package.js';
import { CONSOLE_HEADERS, renderIndex } from './console-files.js';
import { diskConsole, embeddedConsole } from './console-sources.js';

/** Where `npm run build` writes the console (scripts/build-console.mjs). */
export const CONSOLE_BUILD_DIR = join(PACKAGE_ROOT, 'dist', 'console-ui');

export interface ConsoleOptions {
  /** The console's URL path (default `/`). */
  path?: string;
  /** The prefix the engine's `/api/v1` routes sit under, when the host moved them (`setGlobalPrefix`); default none. */
  apiBasePath?: string;
  /** The folder of the built console (default: `dist/console-ui` of this package, or the single executable's embedded copy). */
  root?: string;
}

// Hashed names never change content, so browsers may keep them; anything else is revalidated.
const HASHED = /-[A-Z0-9]{8}\.[a-z]+(\.map)?$/;

function withSlashes(path: string): string {
  if (!path.startsWith('/')) throw new Error(`console path must start with "/": "${path}"`);
  return path.endsWith('/') ? path : `${path}/`;
}

function apiBase(path = ''): string {
  if (path !== '' && (!path.startsWith('/') || path.endsWith('/'))) {
    throw new Error(`console apiBasePath must be empty or start with "/" and not end with one: "${path}"`);
  }
  return path;
}

function notFound(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(404).headers(CONSOLE_HEADERS).send({ statusCode: 404, error: 'Not Found', message });
}

/**
 * Serves the web console (docs/console.md): the page at `path`, its files at `<path>assets/…`, each
 * streamed from disk per request (in the single executable, from its embedded copy) with a strict
 * Content-Security-Policy. Like `mountSwagger`, a host
 * calls it before `listen`; the standalone server mounts it at `/`. Routes go on the app's Fastify
 * instance, so the host's own hooks (the standalone server's Host check) apply to them too.
 */
export function mountConsole(app: NestFastifyApplication, options: ConsoleOptions = {}): void {
  const base = withSlashes(options.path ?? '/');
  const apiBasePath = apiBase(options.apiBasePath);
  const source = options.root !== undefined ? diskConsole(options.root) : (embeddedConsole() ?? diskConsole(CONSOLE_BUILD_DIR));
  const fastify = app.getHttpAdapter().getInstance();

  if (base !== '/') fastify.get(base.slice(0, -1), (_request, reply) => reply.redirect(base, 308));

  fastify.get(base, async (_request, reply) => {
    const html = await source.index();
    if (html === null) return notFound(reply, `the console is not built: "npm run build" writes ${source.where}`);
    return reply.headers(CONSOLE_HEADERS).header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').send(renderIndex(html, apiBasePath));
  });

  fastify.get<{ Params: { name: string } }>(`${base}assets/:name`, async (request, reply) => {
    const file = await source.asset(request.params.name);
    if (!file) return notFound(reply, 'no such console file');
    return reply
      .headers(CONSOLE_HEADERS)
      .header('Cache-Control', HASHED.test(request.params.name) ? 'public, max-age=31536000, immutable' : 'no-cache')
      .header('Content-Length', file.size)
      .type(file.contentType)
      .send(file.body());
  });
}
