import { FastifyAdapter } from '@nestjs/platform-fastify';

/** The largest request body accepted; beyond it Fastify answers 413. Engine bodies are a few hundred bytes. */
export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * The standalone server's Fastify adapter. Tests that stand in for the server build theirs here too,
 * so they meet the same limits. Nest's JSON and urlencoded parsers take their limit from this bodyLimit.
 */
export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES });
}
