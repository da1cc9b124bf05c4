import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ConnectionGuard } from './connection-guard.js';

/** The largest request body accepted; beyond it Fastify answers 413. Engine bodies are a few hundred bytes. */
export const BODY_LIMIT_BYTES = 64 * 1024;

// Socket limits (issue 21): every open connection holds a file descriptor, so idle or trickling
// sockets must be closed in seconds, and their number capped, or they starve the datastore's files.
/** A request's headers must arrive within this (slowloris); also closes a connection that sends nothing. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** The whole request, body included (at most 64 KiB), must arrive within this. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** A kept-alive connection idle between requests is closed after this (Fastify's default is 72 s). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** How often Node checks the two timeouts above (its default, 30 s, would let a socket live 40 s). */
const TIMEOUT_CHECK_MS = 1_000;

export interface ConnectionLimits {
  /** Connections held open at once (SENTRACORE_MAX_CONNECTIONS); see ConnectionGuard for who gives way. */
  maxConnections?: number;
}

/**
 * The standalone server's Fastify adapter. Tests that stand in for the server build theirs here too,
 * so they meet the same limits. Nest's JSON and urlencoded parsers take their limit from this bodyLimit.
 * Streams are unaffected by the timeouts: they apply to receiving a request, not to sending an answer
 * (SSE, a large GET /history) or to an upgraded WebSocket.
 */
export function createFastifyAdapter(limits: ConnectionLimits = {}): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    http: { headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: TIMEOUT_CHECK_MS },
  });
  if (limits.maxConnections !== undefined) new ConnectionGuard(limits.maxConnections).attach(adapter.getInstance().server);
  return adapter;
}
