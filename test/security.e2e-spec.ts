import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../src/openapi/swagger.js';
import { REPO_ROOT } from './helpers/child-process.js';
import { createStandaloneApp, datastoreDigest, send, type SendOptions } from './helpers/standalone-app.js';

const TOKEN = 'test-token-5f2c9d0e';
const today = new Date().toISOString().slice(0, 10);
const nowSec = Math.floor(Date.now() / 1000);

// Every mutating route with a request it accepts (SPEC §4 plus POST /history/export).
// `answer`: what a valid token gets (default {ok: true}); apply of an unknown scan reaches its handler and is refused there.
const MUTATING: Array<{ name: string; request: SendOptions; answer?: object }> = [
  { name: 'DELETE /api/v1/history', request: { method: 'DELETE', url: '/api/v1/history' } },
  { name: 'POST /api/v1/storage/cache/clear', request: { method: 'POST', url: '/api/v1/storage/cache/clear' } },
  { name: 'POST /api/v1/state/reset/baseline', request: { method: 'POST', url: '/api/v1/state/reset/baseline' } },
  { name: 'PUT /api/v1/preferences', request: { method: 'PUT', url: '/api/v1/preferences', payload: { alert_cpu_percent: 91 } } },
  {
    name: 'POST /api/v1/history/export',
    request: { method: 'POST', url: '/api/v1/history/export', payload: { from: nowSec - 3600, to: nowSec, format: 'csv' } },
  },
  // This test's own process: the engine (embedded here) refuses to act on itself, so nothing is touched.
  {
    name: 'POST /api/v1/processes/{pid}/action',
    request: { method: 'POST', url: `/api/v1/processes/${process.pid}/action`, payload: { action: 'lower_priority' } },
    answer: { ok: false, result: 'refused', error: `PID ${process.pid} is this engine's own process` },
  },
  { name: 'POST /api/v1/cleanup/scan', request: { method: 'POST', url: '/api/v1/cleanup/scan', payload: {} } },
  { name: 'POST /api/v1/cleanup/scan/cancel', request: { method: 'POST', url: '/api/v1/cleanup/scan/cancel' } },
  {
    name: 'POST /api/v1/cleanup/apply',
    request: { method: 'POST', url: '/api/v1/cleanup/apply', payload: { scan_id: 'nope', category_ids: ['x'], mode: 'permanent' } },
    answer: { ok: false, error: 'Unknown or expired scan_id' },
  },
];
const READS = ['/api/v1/health', '/api/v1/status', '/api/v1/preferences', '/api/v1/history', '/api/v1/storage/info', '/api/v1/baseline'];

// The status code of a hand-written request (the HTTP client would fill in a Host header).
function rawStatus(app: NestFastifyApplication, raw: string): Promise<number> {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) socket.destroy();
    });
    socket.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
  });
}

function seed(root: string): void {
  mkdirSync(join(root, 'history'), { recursive: true });
  mkdirSync(join(root, 'cache'), { recursive: true });
  const sample = { at: nowSec - 60, cpu_percent: 12.5, mem_percent: 40, disk_pressure_percent: 3, stability_score: 90, stress_score: 20, top_processes: [] };
  writeFileSync(join(root, 'history', `samples-${today}.jsonl`), `${JSON.stringify(sample)}\n`);
  writeFileSync(join(root, 'cache', 'blob.bin'), Buffer.alloc(100, 7));
}

describe('API token on mutating routes (e2e)', () => {
  let root: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sc-sec-token-'));
    seed(root);
    app = await createStandaloneApp(root, { apiToken: TOKEN });
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  const wrongHeaders: Array<[string, Record<string, string>]> = [
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token' }],
    ['the token with one character more', { authorization: `Bearer ${TOKEN}x` }],
    ['the token as Basic credentials', { authorization: `Basic ${TOKEN}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ];

  for (const { name, request, answer } of MUTATING) {
    it(`${name}: 401 for each wrong credential, the datastore untouched; 200 with the token`, async () => {
      for (const [, headers] of wrongHeaders) {
        const before = datastoreDigest(root);
        const response = await send(app, { ...request, headers: { ...request.headers, ...headers } });
        expect(response.statusCode).toBe(401);
        expect(response.json()).toMatchObject({ statusCode: 401 });
        expect(datastoreDigest(root)).toBe(before);
      }
      const ok = await send(app, { ...request, headers: { authorization: `Bearer ${TOKEN}` } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject(answer ?? { ok: true });
    });
  }

  it('the 401s really protected the data: history and cache were still there for the authorised calls', async () => {
    // The authorised DELETE and cache clear above each removed exactly the seeded file.
    expect(existsSync(join(root, 'history', `samples-${today}.jsonl`))).toBe(false);
    expect(existsSync(join(root, 'cache', 'blob.bin'))).toBe(false);
    const preferences = await send(app, { method: 'GET', url: '/api/v1/preferences' });
    expect(preferences.json()).toMatchObject({ alert_cpu_percent: 91 });
  });

  it('read routes stay open without a token', async () => {
    for (const url of READS) {
      const response = await send(app, { method: 'GET', url });
      expect([url, response.statusCode]).toEqual([url, 200]);
    }
  });

  it('the OpenAPI document declares the bearer scheme on exactly the mutating routes', async () => {
    const served = (await send(app, { method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    const committed = JSON.parse(readFileSync(join(REPO_ROOT, 'openapi', 'openapi.json'), 'utf8')) as typeof served;
    for (const document of [served, committed, buildOpenApiDocument(app) as unknown as typeof served]) {
      expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      const secured = Object.entries(document.paths)
        .flatMap(([path, operations]) => Object.entries(operations).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.security]))
        .filter(([, security]) => security !== undefined);
      expect(Object.fromEntries(secured)).toEqual(Object.fromEntries(MUTATING.map(({ name }) => [name, [{ bearer: [] }]])));
    }
  });
});

describe('Host check, CORS and the origin rule (e2e)', () => {
  let root: string;
  let app: NestFastifyApplication;
  const DASHBOARD = 'https://dashboard.example';

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sc-sec-host-'));
    seed(root);
    app = await createStandaloneApp(root, { bindHost: '192.168.7.7', allowedHosts: ['engine.internal'], corsOrigins: [DASHBOARD] });
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (headers: Record<string, string>, url = '/api/v1/health') => send(app, { method: 'GET', url, headers });

  it.each(['evil.example', 'evil.example:8740', 'localhost.evil.example', '192.168.7.8:8740', '127.0.0.1.nip.io'])(
    'Host %j gets 421 (DNS rebinding)',
    async (host) => {
      const response = await get({ host });
      expect(response.statusCode).toBe(421);
      expect(response.json()).toMatchObject({ statusCode: 421, error: 'Misdirected Request' });
    },
  );

  it.each([
    ['an empty Host header', 'GET /api/v1/health HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n', 421],
    ['HTTP/1.0 without Host', 'GET /api/v1/health HTTP/1.0\r\n\r\n', 421],
    ['HTTP/1.1 without Host', 'GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
  ])('%s is refused with %d', async (_what, raw, status) => {
    expect(await rawStatus(app, raw)).toBe(status);
  });

  it('a rebound Host cannot wipe data either', async () => {
    const before = datastoreDigest(root);
    const response = await send(app, { method: 'DELETE', url: '/api/v1/history', headers: { host: 'evil.example:8740' } });
    expect(response.statusCode).toBe(421);
    expect(datastoreDigest(root)).toBe(before);
  });

  it.each(['localhost', 'localhost:8740', '127.0.0.1', '127.0.0.1:8740', '[::1]', '[::1]:8740', 'LOCALHOST:8740', '192.168.7.7:8740', 'engine.internal'])(
    'Host %j is served',
    async (host) => {
      const response = await get({ host });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'running' });
    },
  );

  it.each(['http://localhost:3000', 'http://127.0.0.1:5173', 'http://[::1]:8080', DASHBOARD])('origin %s is allowed by CORS', async (origin) => {
    const response = await get({ origin });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBe(origin);
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(response.headers.vary)).toMatch(/origin/i);
  });

  it.each(['https://evil.example', 'http://localhost.evil.example', 'null', 'file://', 'https://dashboard.example.evil.example'])(
    'origin %s gets no CORS headers (never *)',
    async (origin) => {
      const response = await get({ origin });
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    },
  );

  it('answers a loopback preflight for PUT with Authorization, and refuses a foreign one', async () => {
    const preflight = (origin: string) =>
      send(app, {
        method: 'OPTIONS',
        url: '/api/v1/preferences',
        headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,content-type' },
      });
    const ok = await preflight('http://localhost:3000');
    expect(ok.statusCode).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(String(ok.headers['access-control-allow-methods']).split(/,\s*/)).toEqual(expect.arrayContaining(['PUT', 'POST', 'DELETE']));
    expect(String(ok.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/)).toEqual(expect.arrayContaining(['authorization', 'content-type']));
    expect(ok.headers['access-control-allow-credentials']).toBeUndefined();

    const foreign = await preflight('https://evil.example');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a bodiless cross-site POST (no preflight needed) is refused with 403 and changes nothing', async () => {
    for (const url of ['/api/v1/storage/cache/clear', '/api/v1/state/reset/baseline']) {
      const before = datastoreDigest(root);
      const response = await send(app, { method: 'POST', url, headers: { origin: 'https://evil.example' } });
      expect(response.statusCode).toBe(403);
      expect(datastoreDigest(root)).toBe(before);
    }
    expect(existsSync(join(root, 'cache', 'blob.bin'))).toBe(true);
  });

  it('the same POST from a loopback page, the configured origin, the server itself or a native client (no Origin) works', async () => {
    const origins: Array<Record<string, string>> = [
      { origin: 'http://localhost:3000' },
      { origin: DASHBOARD },
      { origin: 'http://192.168.7.7:8740', host: '192.168.7.7:8740' },
      {},
    ];
    for (const headers of origins) {
      const response = await send(app, { method: 'POST', url: '/api/v1/storage/cache/clear', headers });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ ok: true });
    }
    expect(existsSync(join(root, 'cache', 'blob.bin'))).toBe(false);
  });
});
