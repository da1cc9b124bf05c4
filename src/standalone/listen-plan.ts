import { isIP } from 'node:net';
import type { ServerSettings } from '../config/env.js';
import { isLoopbackHost } from '../http/loopback.js';
import type { EngineConfigRecord } from './engine-config.store.js';

const LOOPBACK = '127.0.0.1';
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

/** Where the standalone server listens first (SPEC §2), and what it refused from engine-config.json. */
export interface ListenPlan {
  host: string;
  port: number;
  /** A non-loopback bind_host from the file, refused because no API token protects the admin routes. */
  refusedBindHost?: string;
}

/**
 * Port: SENTRACORE_PORT > the file's port (the launcher's free port) > ENGINE_PORT > 8740; the store
 * already filled the last two in. Address: SENTRACORE_HOST, else the file's bind_host when it is
 * loopback or a token is set, else loopback: the dashboard writes 0.0.0.0 on Linux, and serving the
 * admin routes to the network without a token would let anyone there wipe the history.
 */
export function listenPlan(server: Pick<ServerSettings, 'host' | 'port'>, file: EngineConfigRecord, hasToken: boolean): ListenPlan {
  const port = server.port ?? file.port;
  if (server.host) return { host: server.host, port };
  const asked = file.bind_host;
  if (isLoopbackHost(asked) || hasToken) return { host: asked, port };
  return { host: LOOPBACK, port, refusedBindHost: asked };
}

/** An address a local client can put in a URL to reach a server bound to `address` (SPEC §2 `host`). */
export function connectHost(address: string): string {
  if (WILDCARDS.has(address)) return LOOPBACK;
  return isIP(address) === 6 ? `[${address}]` : address;
}
