import type { IncomingMessage } from 'node:http';
import { isLoopbackHost, originHost } from '../http/loopback.js';

/**
 * Browsers send any page's WebSocket handshake without CORS, so a page from another site (or a
 * DNS-rebound name) could read the live streams. Same rule as the REST CORS policy: no Origin
 * (curl, services, native clients), a loopback origin, or one listed in `http.corsOrigins`.
 */
export function originAllowed(request: IncomingMessage | undefined, corsOrigins: readonly string[]): boolean {
  const origin = request?.headers.origin;
  if (!origin) return true;
  if (corsOrigins.includes(origin)) return true;
  const host = originHost(origin);
  return host !== null && isLoopbackHost(host);
}
