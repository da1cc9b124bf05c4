import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BODY_LIMIT_BYTES } from '../src/http/fastify-adapter.js';
import { createStandaloneApp, datastoreDigest, send, type SendOptions } from './helpers/standalone-app.js';

const nowSec = Math.floor(Date.now() / 1000);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'text/plain', 'Text/Plain; charset=UTF-8'];
const MUTATING: SendOptions[] = [
  { method: 'DELETE', url: '/api/v1/history' },
  { method: 'POST', url: '/api/v1/storage/cache/clear' },
  { method: 'POST', url: '/api/v1/state/reset/baseline' },
  { method: 'PUT', url: '/api/v1/preferences' },
  { method: 'POST', url: '/api/v1/history/export' },
];
const JSON_TYPE = { 'content-type': 'application/json' };
const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const nestedArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('hostile input never writes and never answers 5xx (e2e)', () => {
  let root: string;
  let app: NestFastifyApplication;
  let prefsFile: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sc-sec-input-'));
    app = await createStandaloneApp(root);
    prefsFile = join(root, 'config', 'user_preferences.json');
    // Persist the preferences once so that later comparisons cover a real file.
    expect((await send(app, { method: 'PUT', url: '/api/v1/preferences', payload: { alert_cpu_percent: 77 } })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Sends the request and expects `status` with the datastore byte-identical afterwards. */
  async function expectRefused(request: SendOptions, status: number, message?: RegExp): Promise<void> {
    const before = datastoreDigest(root);
    const response = await send(app, request);
    // The body rides along on a mismatch, so a failure shows what the engine said.
    expect([request.method, request.url, response.statusCode, response.statusCode === status || response.body]).toEqual([
      request.method,
      request.url,
      status,
      true,
    ]);
    if (message) expect(JSON.stringify(response.json().message)).toMatch(message);
    expect(datastoreDigest(root)).toBe(before);
  }

  describe('content types a cross-site form can send get 415', () => {
    for (const route of MUTATING) {
      it.each(FORM_TYPES)(`${route.method} ${route.url} with %s`, async (type) => {
        await expectRefused({ ...route, headers: { 'content-type': type }, payload: 'alert_cpu_percent=5' }, 415);
      });
    }

    it('other non-JSON types get 415 from Fastify itself, not 500', async () => {
      for (const type of ['application/xml', 'application/octet-stream', 'image/png', '*/*']) {
        await expectRefused({ method: 'PUT', url: '/api/v1/preferences', headers: { 'content-type': type }, payload: '<a/>' }, 415);
      }
    });

    it('the admin POSTs with no body and no Content-Type answer 200', async () => {
      for (const url of ['/api/v1/storage/cache/clear', '/api/v1/state/reset/baseline']) {
        const response = await send(app, { method: 'POST', url });
        expect(response.statusCode).toBe(200);
        expect(response.json()).toMatchObject({ ok: true });
      }
    });

    it('an empty JSON object is as good as no body on a route that takes none', async () => {
      const response = await send(app, { method: 'POST', url: '/api/v1/state/reset/baseline', payload: {} });
      expect(response.statusCode).toBe(200);
    });
  });

  describe('body size', () => {
    it(`a body over ${BODY_LIMIT_BYTES} bytes gets 413 and the preferences stay as they were`, async () => {
      const names = Array.from({ length: 300 }, (_, i) => `${'p'.repeat(240)}${i}.exe`);
      const payload = JSON.stringify({ safeguard_process_names: names });
      expect(Buffer.byteLength(payload)).toBeGreaterThan(BODY_LIMIT_BYTES);
      const before = readFileSync(prefsFile, 'utf8');
      await expectRefused({ method: 'PUT', url: '/api/v1/preferences', headers: JSON_TYPE, payload }, 413);
      expect(readFileSync(prefsFile, 'utf8')).toBe(before);
    });

    it('a body just under the limit is parsed and judged by validation instead (400, not 413)', async () => {
      const payload = JSON.stringify({ safeguard_process_names: ['x'.repeat(BODY_LIMIT_BYTES - 100)] });
      expect(Buffer.byteLength(payload)).toBeLessThan(BODY_LIMIT_BYTES);
      await expectRefused({ method: 'PUT', url: '/api/v1/preferences', headers: JSON_TYPE, payload }, 400, /safeguard_process_names/);
    });

    it('oversize bodies on every mutating route get 413', async () => {
      const payload = `{"pad":"${'z'.repeat(BODY_LIMIT_BYTES)}"}`;
      for (const route of MUTATING) await expectRefused({ ...route, headers: JSON_TYPE, payload }, 413);
    });
  });

  describe('malformed JSON and Fastify-level errors stay 4xx', () => {
    it.each([
      ['broken JSON', 400, '{"alert_cpu_percent":'],
      ['prototype pollution', 400, '{"__proto__":{"polluted":1}}'],
      ['constructor pollution', 400, '{"constructor":{"prototype":{"polluted":1}}}'],
      ['empty JSON body', 400, ''],
    ])('%s → %d', async (_what, status, payload) => {
      await expectRefused({ method: 'PUT', url: '/api/v1/preferences', headers: { 'content-type': 'application/json' }, payload }, status);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('a malformed URL gets 400', async () => {
      const response = await send(app, { url: '/api/v1/history/%E0%A4%A' });
      expect(response.statusCode).toBe(400);
    });
  });

  describe('bodies: wrong shapes, huge numbers, deep nesting → 400 naming the problem', () => {
    it.each([
      ['1e400 (parses to Infinity)', '{"alert_cpu_percent":1e400}', /alert_cpu_percent/],
      ['-1e400', '{"alert_cpu_percent":-1e400}', /alert_cpu_percent/],
      ['beyond the safe integer range', '{"alert_cpu_percent":9007199254740993}', /alert_cpu_percent/],
      ['an array where a number belongs', '{"alert_cpu_percent":[50]}', /alert_cpu_percent/],
      ['an object where a number belongs', '{"alert_cpu_percent":{"value":50}}', /alert_cpu_percent/],
      ['a string where a number belongs', '{"alert_cpu_percent":"50"}', /alert_cpu_percent/],
      ['nested arrays in a string list', '{"safeguard_process_names":[["a"]]}', /safeguard_process_names/],
      ['an unknown field', '{"alert_cpu_percent":50,"is_admin":true}', /is_admin/],
      ['a JSON array body', '[1,2,3]', /JSON object/],
      ['a JSON null body', 'null', /JSON object/],
      ['a JSON number body', '42', /JSON object/],
      ['a JSON string body', '"hello"', /JSON object/],
      ['9 levels of objects', nested(9), /nested/],
      ['10,000 levels of objects', nested(10_000), /nested/],
      ['30,000 levels of arrays under a field', `{"safeguard_process_names":${nestedArray(30_000)}}`, /nested/],
    ])('PUT /preferences with %s', async (_what, payload, message) => {
      await expectRefused({ method: 'PUT', url: '/api/v1/preferences', headers: { 'content-type': 'application/json' }, payload }, 400, message);
    });

    it.each([
      ['from 1e300', { from: 1e300, to: nowSec, format: 'csv' }, /from/],
      ['to beyond the safe range', { from: 0, to: 2 ** 60, format: 'csv' }, /"to must/],
      ['granularity 1e400', '{"from":0,"to":1,"format":"csv","granularity":1e400}', /granularity/],
      ['from as an array', { from: [1], to: nowSec, format: 'csv' }, /from/],
      ['format as an array', { from: 1, to: nowSec, format: ['csv'] }, /format/],
      ['a path instead of a format', { from: 1, to: nowSec, format: '../../etc/passwd' }, /format/],
      ['a file name field', { from: 1, to: nowSec, format: 'csv', file: '/tmp/x' }, /file/],
      ['deep nesting in an unknown field', `{"from":1,"to":2,"format":"csv","x":${nested(5000)}}`, /nested/],
    ])('POST /history/export with %s', async (_what, payload, message) => {
      await expectRefused({ method: 'POST', url: '/api/v1/history/export', headers: JSON_TYPE, payload }, 400, message);
    });

    it('a body on a route that takes none gets 400 instead of being ignored', async () => {
      for (const url of ['/api/v1/storage/cache/clear', '/api/v1/state/reset/baseline']) {
        await expectRefused({ method: 'POST', url, payload: { confirm: true } }, 400, /no request body/);
        await expectRefused({ method: 'POST', url, headers: JSON_TYPE, payload: nested(10_000) }, 400, /no request body/);
      }
      await expectRefused({ method: 'DELETE', url: '/api/v1/history', payload: [1] }, 400, /no request body/);
    });
  });

  describe('query strings: numbers outside the safe range, NaN, Infinity, arrays → 400', () => {
    it.each([
      'from=99999999999999999999',
      'to=-9007199254740993',
      'from=1e400',
      'from=NaN',
      'from=Infinity',
      'to=-Infinity',
      'from=abc',
      'from=',
      'from=1&from=2',
      'agg=avg&agg=min',
      'limit=0',
      'limit=100001',
      'limit=1.5',
      'limit=1e21',
      'granularity=-1',
      'granularity=1e400',
      'agg=median',
      'unknown=1',
      '__proto__=1',
      'from[]=1',
    ])('GET /history?%s', async (query) => {
      const field = query.split(/[=&[]/)[0].replace('__proto__', 'proto');
      await expectRefused({ url: `/api/v1/history?${query}` }, 400, new RegExp(field));
    });

    it.each(['limit=0', 'limit=101', 'limit=1&limit=2', 'limit=1e400', 'limit=abc', 'limit=9007199254740993', 'other=1'])(
      'GET /processes?%s',
      async (query) => {
        await expectRefused({ url: `/api/v1/processes?${query}` }, 400, new RegExp(query.split('=')[0]));
      },
    );

    it('a query string on a mutating route that reads none gets 400', async () => {
      await expectRefused({ method: 'DELETE', url: '/api/v1/history?all=true' }, 400, /all/);
      await expectRefused({ method: 'POST', url: '/api/v1/storage/cache/clear?path=../../' }, 400, /path/);
    });

    it('valid queries still answer 200', async () => {
      for (const url of [
        '/api/v1/history?from=0&to=9007199254740991',
        `/api/v1/history?from=${nowSec - 60}&granularity=0.5&agg=avg&limit=10000`,
        '/api/v1/processes?limit=100',
      ]) {
        const response = await send(app, { url });
        expect([url, response.statusCode]).toEqual([url, 200]);
      }
    });
  });

  it('none of the refused requests reached the preferences', async () => {
    expect(JSON.parse(readFileSync(prefsFile, 'utf8'))).toMatchObject({ alert_cpu_percent: 77 });
  });
});
