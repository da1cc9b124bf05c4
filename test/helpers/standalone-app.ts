import { ScheduleModule } from '@nestjs/schedule';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { configureHttp } from '../../src/http/configure-http.js';
import { createFastifyAdapter } from '../../src/http/fastify-adapter.js';
import { mountSwagger } from '../../src/openapi/swagger.js';
import { SentraCoreModule } from '../../src/sentra-core.module.js';

export interface StandaloneOptions {
  apiToken?: string;
  bindHost?: string;
  allowedHosts?: string[];
  corsOrigins?: string[];
  /** Called before `listen`, e.g. to mount the console. */
  beforeListen?: (app: NestFastifyApplication) => void;
}

/**
 * The engine as main.ts serves it (same Fastify adapter, Host/Origin/CORS policy and OpenAPI
 * document), with background jobs off, on a throwaway datastore, listening on 127.0.0.1 at a free port.
 */
export async function createStandaloneApp(dataDir: string, options: StandaloneOptions = {}): Promise<NestFastifyApplication> {
  const { apiToken, bindHost = '127.0.0.1', allowedHosts = [], corsOrigins = [] } = options;
  const moduleRef = await Test.createTestingModule({
    imports: [
      ScheduleModule.forRoot(),
      SentraCoreModule.forRoot({ dataDir, sampling: { enabled: false }, telemetry: { source: 'scripted' }, apiToken, http: { allowedHosts, corsOrigins } }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), { logger: false });
  configureHttp(app, { bindHost, allowedHosts, corsOrigins });
  // The document only: Swagger UI's static assets cannot load under jest (see mountSwagger).
  mountSwagger(app, undefined, { ui: false });
  options.beforeListen?.(app);
  await app.listen(0, '127.0.0.1');
  return app;
}

export interface SendOptions {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  /** A string or Buffer is sent as is; anything else as JSON (with a JSON Content-Type unless one is given). */
  payload?: unknown;
}

export interface Reply {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: string;
  json(): any;
}

// A fresh connection per request: a refused request (413, 415) may leave its connection closed.
const agent = new Agent({ keepAlive: false });

/**
 * One request over a real loopback socket. (Fastify's inject() needs light-my-request, whose
 * ESM-only `cookie` dependency jest cannot load on Node 20.) The Host header defaults to 127.0.0.1:port.
 */
export function send(app: NestFastifyApplication, { method = 'GET', url, headers = {}, payload }: SendOptions): Promise<Reply> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  let body: string | Buffer | undefined;
  const allHeaders = { ...headers };
  if (typeof payload === 'string' || Buffer.isBuffer(payload)) body = payload;
  else if (payload !== undefined) {
    body = JSON.stringify(payload);
    if (!Object.keys(allHeaders).some((name) => name.toLowerCase() === 'content-type')) allHeaders['content-type'] = 'application/json';
  }
  // Explicit, because Node sends a DELETE body with neither Content-Length nor chunked framing.
  if (body !== undefined) allHeaders['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: url, headers: allHeaders, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** SHA-256 over every file under the datastore except logs/ (path and bytes), in a stable order. */
export function datastoreDigest(root: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('logs/'))
    .sort();
  for (const path of files)
    hash
      .update(path)
      .update('\0')
      .update(readFileSync(join(root, path)))
      .update('\0');
  return hash.digest('hex');
}
