import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hostName, isLoopbackHost, originHost } from './loopback.js';

export interface HttpPolicy {
  /** The address the server binds. */
  bindHost: string;
  /** Extra Host header names to accept (SENTRACORE_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  /** Extra CORS origins to allow (SENTRACORE_CORS_ORIGINS), exact matches. */
  corsOrigins: readonly string[];
}

const WILDCARD_BINDS = new Set(['0.0.0.0', '::', '']);

/**
 * Browser-facing defences of the standalone server: a Host check against DNS rebinding
 * and CORS limited to loopback origins. A host app embedding the engine sets its own.
 */
export function configureHttp(app: NestFastifyApplication, policy: HttpPolicy): void {
  const hosts = new Set(policy.allowedHosts.map((h) => h.toLowerCase()));
  if (!WILDCARD_BINDS.has(policy.bindHost)) hosts.add(hostName(policy.bindHost));
  const origins = new Set(policy.corsOrigins);

  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const host = hostName(request.headers.host ?? '');
      if (isLoopbackHost(host) || hosts.has(host)) return;
      // A page whose DNS name was rebound to 127.0.0.1 arrives with its own name in Host.
      return reply.code(421).send({ statusCode: 421, error: 'Misdirected Request', message: `host "${host}" is not served here` });
    });

  app.enableCors({
    origin: (origin, callback) => {
      const host = origin ? originHost(origin) : null;
      callback(null, !origin || origins.has(origin) || (host !== null && isLoopbackHost(host)));
    },
    credentials: false,
    methods: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Authorization', 'Content-Type'],
  });
}
