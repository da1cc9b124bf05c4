import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './helpers/child-process.js';
import { ARCHIVE_SCRIPT, REFERENCE_DATASTORE } from './helpers/fixtures.js';
import { createStandaloneApp, datastoreDigest, send, type Reply, type SendOptions } from './helpers/standalone-app.js';

// Property: whatever arrives over HTTP, the engine answers below 500, stays up, and a refused (4xx)
// request leaves the datastore byte-identical. Thousands of generated requests, in-process, bounded.

const TOKEN = 'fuzz-token-0b7e';
const nowSec = Math.floor(Date.now() / 1000);
const RUN_TIMEOUT_MS = 90_000;

interface Operation {
  method: string;
  path: string;
}

// Every documented operation, so routes added later are fuzzed too; endless streams (SSE) excepted.
const DOCUMENT = JSON.parse(readFileSync(join(REPO_ROOT, 'openapi', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>>;
};
const STREAMS = new Set<string>();
const OPERATIONS: Operation[] = [];
for (const [path, operations] of Object.entries(DOCUMENT.paths)) {
  for (const [method, operation] of Object.entries(operations)) {
    if (operation.responses?.['200']?.content?.['text/event-stream']) STREAMS.add(path);
    else OPERATIONS.push({ method: method.toUpperCase(), path });
  }
}
const PATHS = [...new Set([...OPERATIONS.map((op) => op.path), '/metrics', '/openapi.json', '/openapi.yaml', '/docs'])];
const ODD_PATHS = [
  '/',
  '/api',
  '/api/v1',
  '/api/v1/',
  '/api/v1//history',
  '/API/V1/STATUS',
  '/api/v1/history/',
  '/api/v1/../../etc/passwd',
  '/api/v1/%2e%2e/%2e%2e/etc/passwd',
  '/api/v1/history/..%2f..%2fstate',
  '/api/v1/history%00',
  '/api/v1/%ff',
  '/api/v1/status%2Fstream',
  '/docs/../openapi.json',
  '/metrics/..',
  `/api/v1/${'a'.repeat(3000)}`,
];

const QUERY_KEYS = ['from', 'to', 'granularity', 'limit', 'agg', 'format', 'x', '__proto__', 'constructor', 'from[]', 'limit[0]', 'a.b'];
const HOSTILE_VALUES = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '-1e400',
  '9007199254740993',
  '-9007199254740993',
  '9007199254740991',
  '-0',
  '0x1f',
  '1e21',
  '0.0000001',
  ' 12 ',
  '1,2',
  'null',
  'true',
  '[]',
  '{}',
  '%00',
  '%ff',
  '%',
  'avg',
  'first',
  'max',
  'csv',
  'jsonl',
  '../../etc/passwd',
  '1'.repeat(400),
];
const encode = (value: string) => encodeURIComponent(value).replace(/%25(?=[0-9a-fA-F]{2})/g, '%');

const queryArb = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 8 })),
      fc.oneof(
        fc.constantFrom(...HOSTILE_VALUES),
        fc.integer().map(String),
        fc.double().map(String),
        fc.integer({ min: nowSec - 3 * 86_400, max: nowSec + 3600 }).map(String),
        fc.string({ maxLength: 20 }),
      ),
    ),
    { maxLength: 5 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`).join('&')}` : ''));

const nested = (depth: number, array: boolean) => (array ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
const scalarArb = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 30 }),
  fc.constant(null),
  fc.constantFrom(1e300, -1e300, 2 ** 53 + 2, -0),
);
const valueArb = fc.oneof(scalarArb, fc.array(scalarArb, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 6 }), scalarArb, { maxKeys: 3 }));
const preferencesArb = fc.record(
  {
    alert_cpu_percent: valueArb,
    alert_memory_percent: valueArb,
    alert_disk_pressure: valueArb,
    safeguard_enabled: valueArb,
    safeguard_process_names: fc.oneof(fc.array(fc.string({ maxLength: 300 }), { maxLength: 5 }), valueArb),
    anomaly_sensitivity: fc.oneof(fc.constantFrom('lenient', 'normal', 'strict'), valueArb),
    unknown_field: valueArb,
  },
  { requiredKeys: [] },
);
const exportArb = fc.record(
  {
    from: fc.oneof(fc.integer({ min: nowSec - 2 * 86_400, max: nowSec }), valueArb),
    to: fc.oneof(fc.integer({ min: nowSec - 86_400, max: nowSec + 3600 }), valueArb),
    format: fc.oneof(fc.constantFrom('csv', 'jsonl'), valueArb),
    granularity: fc.oneof(fc.constantFrom(0, 60, 3600), valueArb),
    agg: fc.oneof(fc.constantFrom('first', 'avg', 'min', 'max'), valueArb),
    file: valueArb,
  },
  { requiredKeys: [] },
);
// Raw texts: JSON numbers that no JSON.stringify produces, deep nesting, broken JSON, oversize.
const rawBodyArb = fc.oneof(
  fc.constantFrom(
    '{"alert_cpu_percent":1e400}',
    '{"from":-1e400,"to":1e400,"format":"csv"}',
    '{"limit":NaN}',
    '{',
    '{"a":1,}',
    'null',
    '[]',
    '42',
    '"x"',
    '\u0000',
    '',
  ),
  fc.tuple(fc.oneof(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 500, max: 12_000 })), fc.boolean()).map(([depth, array]) => nested(depth, array)),
  fc
    .tuple(fc.constantFrom('safeguard_process_names', 'from', 'x'), fc.oneof(fc.integer({ min: 2, max: 20 }), fc.integer({ min: 500, max: 5_000 })))
    .map(([key, depth]) => `{"${key}":${nested(depth, true)}}`),
  fc.integer({ min: 60_000, max: 70_000 }).map((size) => `{"safeguard_process_names":["${'n'.repeat(size)}"]}`),
);
const bodyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: preferencesArb.map((body) => JSON.stringify(body)) },
  { weight: 3, arbitrary: exportArb.map((body) => JSON.stringify(body)) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((body) => JSON.stringify(body)) },
  { weight: 4, arbitrary: rawBodyArb },
);
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  '*/*',
  '',
];
const headerText = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_.:/=+;,'.split('')), maxLength: 40 });
// Mostly well-formed requests from an allowed client, so that most of them reach validation.
const sometimes = <T>(arb: fc.Arbitrary<T>, weight = 1) => fc.oneof({ weight: 9 - weight, arbitrary: fc.constant(undefined) }, { weight, arbitrary: arb });
const headersArb = fc
  .record({
    'content-type': fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
    authorization: fc.oneof(
      { weight: 8, arbitrary: fc.constant(`Bearer ${TOKEN}`) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom(`bearer ${TOKEN}`, `Bearer ${TOKEN} `, 'Bearer', 'Bearer ', `Basic ${TOKEN}`, `Bearer ${TOKEN}${TOKEN}`) },
      { weight: 1, arbitrary: headerText.map((text) => `Bearer ${text}`) },
    ),
    origin: sometimes(fc.constantFrom('http://localhost:3000', 'http://127.0.0.1:8740', 'https://evil.example', 'null', 'file://', 'http://[::1]', 'garbage')),
    host: sometimes(fc.constantFrom('localhost', '127.0.0.1:8740', '[::1]:8740', 'evil.example', 'localhost.evil.example', '0.0.0.0')),
    accept: sometimes(fc.constantFrom('*/*', 'text/event-stream', 'application/json', 'text/html'), 3),
    'x-forwarded-host': sometimes(fc.constant('evil.example')),
    'x-forwarded-for': sometimes(headerText),
  })
  .map((headers) => Object.fromEntries(Object.entries(headers).filter(([, value]) => value !== undefined)) as Record<string, string>);

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
const requestArb = fc
  .record({
    target: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...OPERATIONS) },
      { weight: 2, arbitrary: fc.record({ method: fc.constantFrom(...METHODS), path: fc.constantFrom(...PATHS) }) },
      { weight: 1, arbitrary: fc.record({ method: fc.constantFrom(...METHODS), path: fc.constantFrom(...ODD_PATHS) }) },
    ),
    query: queryArb,
    body: bodyArb,
    headers: headersArb,
  })
  // An endless stream would hang the run (it is covered by the live tests); its other methods are fuzzed.
  .filter(
    ({ target, headers }) =>
      !(
        STREAMS.has(target.path) &&
        ['GET', 'HEAD'].includes(target.method) &&
        !['evil.example', 'localhost.evil.example', '0.0.0.0'].includes(headers.host ?? '')
      ),
  )
  .map(({ target, query, body, headers }): SendOptions => {
    const sent: Record<string, string> = { ...headers };
    if (body === undefined) delete sent['content-type'];
    return { method: target.method, url: `${target.path}${query}`, headers: sent, payload: body };
  });

describe('fuzz: generated requests against a real app (e2e)', () => {
  let root: string;
  let app: NestFastifyApplication;
  let historyFiles: string[];
  let known: string | undefined;
  const statuses = new Map<number, number>();
  const seedDir = () => join(root, '..', 'seed-history');

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-fuzz-'));
    root = join(dir, 'datastore');
    // A small but real datastore: the reference engine's config and state, two days of history.
    cpSync(REFERENCE_DATASTORE, root, { recursive: true });
    execFileSync(process.execPath, [ARCHIVE_SCRIPT, '--dir', seedDir(), '--days', '2', '--interval', '1800', '--end', String(nowSec)]);
    cpSync(seedDir(), join(root, 'history'), { recursive: true });
    historyFiles = readdirSync(seedDir());
    app = await createStandaloneApp(root, { apiToken: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  /** Sends one request and checks the property; successful wipes are undone so later requests see data. */
  async function check(request: SendOptions): Promise<Reply> {
    const before = known ?? datastoreDigest(root);
    const reply = await send(app, request);
    statuses.set(reply.statusCode, (statuses.get(reply.statusCode) ?? 0) + 1);
    if (reply.statusCode >= 500) throw new Error(`${request.method} ${request.url.slice(0, 200)} answered ${reply.statusCode}: ${reply.body.slice(0, 300)}`);
    if (reply.statusCode >= 400) {
      known = datastoreDigest(root);
      if (known !== before) throw new Error(`${request.method} ${request.url.slice(0, 200)} answered ${reply.statusCode} but changed the datastore`);
      return reply;
    }
    known = undefined;
    if (readdirSync(join(root, 'history')).length === 0) cpSync(seedDir(), join(root, 'history'), { recursive: true });
    // Exports accumulate in reports/; keep the folder (and so each digest) small.
    const reports = readdirSync(join(root, 'reports'));
    if (reports.length > 10) for (const name of reports) rmSync(join(root, 'reports', name), { force: true });
    return reply;
  }

  // Each run takes 5–25 s on two cores; the limit leaves room for a busy machine.
  it(
    'answers 2,600 mixed requests (every route, odd paths, hostile query/body/headers) below 500, and 4xx never writes',
    async () => {
      await fc.assert(
        fc.asyncProperty(requestArb, async (request) => void (await check(request))),
        { numRuns: 2600 },
      );
      // The run really exercised both sides: accepted and refused requests of several kinds.
      for (const status of [200, 400, 401, 403, 404, 413, 415, 421]) expect([status, (statuses.get(status) ?? 0) > 0]).toEqual([status, true]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'answers 700 hostile bodies on the mutating routes with 200 or 4xx, never a partial write',
    async () => {
      const mutating = OPERATIONS.filter((op) => !['GET', 'HEAD'].includes(op.method));
      expect(mutating.length).toBeGreaterThanOrEqual(5);
      const arb = fc.record({ op: fc.constantFrom(...mutating), body: bodyArb, type: fc.constantFrom('application/json', 'text/plain', '') });
      await fc.assert(
        fc.asyncProperty(arb, async ({ op, body, type }) => {
          const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` };
          if (body !== undefined && type) headers['content-type'] = type;
          const reply = await check({ method: op.method, url: op.path, headers, payload: body });
          expect(reply.statusCode === 200 || (reply.statusCode >= 400 && reply.statusCode < 500)).toBe(true);
        }),
        { numRuns: 700 },
      );
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'answers 700 hostile query strings on the read routes with 200 or 400',
    async () => {
      const reads = OPERATIONS.filter((op) => op.method === 'GET').map((op) => op.path);
      const arb = fc.record({ path: fc.constantFrom(...reads, '/api/v1/history', '/api/v1/history', '/api/v1/processes'), query: queryArb });
      await fc.assert(
        fc.asyncProperty(arb, async ({ path, query }) => {
          const reply = await check({ method: 'GET', url: `${path}${query}` });
          expect([200, 400]).toContain(reply.statusCode);
        }),
        { numRuns: 700 },
      );
    },
    RUN_TIMEOUT_MS,
  );

  it('is still up and serving afterwards, with its history readable', async () => {
    const health = await send(app, { url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'running', engine: true });
    const history = await send(app, { url: `/api/v1/history?from=${nowSec - 2 * 86_400}&to=${nowSec}` });
    expect(history.statusCode).toBe(200);
    expect(history.json().samples.length).toBeGreaterThan(0);
    expect(readdirSync(join(root, 'history')).sort()).toEqual(expect.arrayContaining(historyFiles.filter((name) => name.startsWith('samples-'))));
  });
});
