import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hostName, isLoopbackHost, originHost } from './loopback.js';
import { SAFE_METHODS } from '../common/http-methods.js';

export interface HttpPolicy {
  /** The address the server binds. */
  bindHost: string;
  /** Extra Host header names to accept (SENTRACORE_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  /** Extra CORS origins to allow (SENTRACORE_CORS_ORIGINS), exact matches. */
  corsOrigins: readonly string[];
}

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);

// Swagger UI served from a configured non-loopback host sends its own origin.
function sameOrigin(origin: string, hostHeader: string | undefined): boolean {
  try {
    return hostHeader !== undefined && new URL(origin).host === hostHeader.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Browser-facing defences of the standalone server: a Host check against DNS rebinding (421),
 * CORS limited to loopback origins plus `corsOrigins`, and the same origin rule for every request
 * that can change something (403). A host app embedding the engine sets its own.
 */
export function configureHttp(app: NestFastifyApplication, policy: HttpPolicy): void {
  const hosts = new Set(policy.allowedHosts.map((h) => h.toLowerCase()));
  if (!WILDCARD_BINDS.has(policy.bindHost)) hosts.add(hostName(policy.bindHost));
  const origins = new Set(policy.corsOrigins);
  const originAllowed = (origin: string) => {
    const host = originHost(origin);
    return origins.has(origin) || (host !== null && isLoopbackHost(host));
  };

  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const host = hostName(request.headers.host ?? '');
      // A page whose DNS name was rebound to 127.0.0.1 arrives with its own name in Host.
      if (!isLoopbackHost(host) && !hosts.has(host)) {
        return reply.code(421).send({ statusCode: 421, error: 'Misdirected Request', message: `host "${host}" is not served here` });
      }
      // CORS only hides the answer: a bodiless cross-site POST needs no preflight and would still act.
      const origin = request.headers.origin;
      if (origin !== undefined && !SAFE_METHODS.has(request.method) && !originAllowed(origin) && !sameOrigin(origin, request.headers.host)) {
        return reply.code(403).send({ statusCode: 403, error: 'Forbidden', message: `origin "${origin}" may not change this engine` });
      }
    });

  app.enableCors({
    origin: (origin, callback) => callback(null, !origin || originAllowed(origin)),
    credentials: false,
    methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type'],
  });
}
