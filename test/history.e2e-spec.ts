import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import request from 'supertest';
import type { SentraCoreModuleOptions } from '../src/config/sentra-core-options.js';
import { encodeSample, type HistorySampleRecord } from '../src/history/write/history-line.codec.js';
import { HistoryStore } from '../src/history/history.store.js';
import { createEngineHarness } from './helpers/engine-app.js';
import { ARCHIVE_SCRIPT, REFERENCE_RESPONSES } from './helpers/fixtures.js';
import { naiveQuery, readArchive } from './history-naive.js';

const NOW_SEC = Date.UTC(2026, 10, 27, 11, 44, 0) / 1000;

// The app on a temp datastore, its clock at NOW_SEC, with no sampling: the tests append themselves.
const boot = async (dataDir: string, history: SentraCoreModuleOptions['history'] = {}) =>
  (await createEngineHarness(dataDir, [], { history }, NOW_SEC * 1000)).app;

const sample = (at: number, cpu = 10): HistorySampleRecord => ({
  at,
  cpu_percent: cpu,
  mem_percent: 50.5,
  disk_pressure_percent: 3,
  stability_score: 88.25,
  stress_score: 20,
  top_processes: [{ name: 'chrome.exe', pid: 4242, cpu_percent: 7.5, mem_percent: 3.25, impact: 11.1 }],
});

const reference = async (name: string) => JSON.parse(await readFile(join(REFERENCE_RESPONSES, name), 'utf8'));
const keysOf = (value: object) => Object.keys(value).sort();

describe('history over HTTP', () => {
  let dataDir: string;
  let app: NestFastifyApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  const setUp = async (history: SentraCoreModuleOptions['history'] = {}) => {
    dataDir = await mkdtemp(join(tmpdir(), 'sc-history-e2e-'));
    app = await boot(dataDir, history);
    return app;
  };

  it('serves appended samples in the reference shape, with the summary', async () => {
    await setUp();
    const store = app!.get(HistoryStore);
    for (let k = 0; k < 4; k++) expect(await store.append(sample(NOW_SEC - 3600 + k * 30))).toBe(true);
    const res = await request(app!.getHttpServer()).get('/api/v1/history').query({ limit: 3 }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const expected = await reference('history-limit3-with-archive.json');
    expect(keysOf(res.body)).toEqual(keysOf(expected));
    expect(keysOf(res.body.samples[0])).toEqual(keysOf(expected.samples[0]));
    expect(keysOf(res.body.samples[0].top_processes[0])).toEqual(keysOf(expected.samples[0].top_processes[0]));
    expect(keysOf(res.body.summary)).toEqual(keysOf(expected.summary));
    expect(res.body.samples.map((s: HistorySampleRecord) => s.at)).toEqual([NOW_SEC - 3570, NOW_SEC - 3540, NOW_SEC - 3510]);
    expect(res.body.summary).toEqual({
      directory: join(dataDir, 'history'),
      retention_days: 30,
      min_interval_sec: 30,
      files: ['samples-2026-11-27.jsonl'],
      total_bytes: 4 * Buffer.byteLength(`${encodeSample(sample(NOW_SEC))}\n`),
      total_samples: 4,
    });
  });

  it.each([
    ['from', { from: 'abc' }],
    ['from', { from: '' }],
    ['to', { to: '12x' }],
    ['granularity', { granularity: '-1' }],
    ['limit', { limit: '0' }],
    ['limit', { limit: '100001' }],
    ['limit', { limit: '2.5' }],
    ['agg', { agg: 'median' }],
    ['bogus', { bogus: '1' }],
  ])('answers 400 naming %s for %j', async (name, query) => {
    await setUp();
    const res = await request(app!.getHttpServer()).get('/api/v1/history').query(query).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(name);
  });

  it("accepts the dashboard's 7-day sync, limit=12000 (SPEC §6: 1–100,000)", async () => {
    await setUp();
    const res = await request(app!.getHttpServer()).get('/api/v1/history').query({ granularity: '30.00', limit: '12000' }).expect(200);
    expect(Array.isArray(res.body.samples)).toBe(true);
  });

  it('DELETE /history removes the sample files only, with 200', async () => {
    await setUp();
    await app!.get(HistoryStore).append(sample(NOW_SEC - 86_400));
    await app!.get(HistoryStore).append(sample(NOW_SEC));
    await writeFile(join(dataDir, 'history', 'notes.txt'), 'mine');
    const res = await request(app!.getHttpServer()).delete('/api/v1/history').expect(200);
    expect(res.body).toEqual({ ok: true, files_removed: 2 });
    expect(await readdir(join(dataDir, 'history'))).toEqual(['notes.txt']);
  });

  it('GET /storage/info carries the history summary', async () => {
    await setUp();
    await app!.get(HistoryStore).append(sample(NOW_SEC));
    const res = await request(app!.getHttpServer()).get('/api/v1/storage/info').expect(200);
    const expected = await reference('storage-info-with-archive.json');
    expect(keysOf(res.body.history)).toEqual(keysOf(expected.history));
    expect(res.body.history).toMatchObject({ files: ['samples-2026-11-27.jsonl'], total_samples: 1, retention_days: 30, min_interval_sec: 30 });
  });

  it('after a crash tore the last line, a restart repairs it and every complete sample stays readable', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sc-history-e2e-'));
    await mkdir(join(dataDir, 'history'), { recursive: true });
    const file = join(dataDir, 'history', 'samples-2026-11-27.jsonl');
    await writeFile(file, `${encodeSample(sample(NOW_SEC - 120))}\n${encodeSample(sample(NOW_SEC - 90))}\n`);
    await appendFile(file, encodeSample(sample(NOW_SEC - 60)).slice(0, 50)); // power cut mid-write
    app = await boot(dataDir);
    expect(await app.get(HistoryStore).append(sample(NOW_SEC))).toBe(true);
    const res = await request(app.getHttpServer()).get('/api/v1/history').expect(200);
    expect(res.body.samples.map((s: HistorySampleRecord) => s.at)).toEqual([NOW_SEC - 120, NOW_SEC - 90, NOW_SEC]);
    expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(5);
  });

  it('deletes expired days at start and keeps everything else', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sc-history-e2e-'));
    await mkdir(join(dataDir, 'history'), { recursive: true });
    for (const day of ['2026-10-01', '2026-11-20', '2026-11-27'])
      await writeFile(join(dataDir, 'history', `samples-${day}.jsonl`), `${encodeSample(sample(Date.parse(`${day}T01:00:00Z`) / 1000))}\n`);
    await writeFile(join(dataDir, 'history', 'samples-2026-10-01.jsonl.keep'), 'x');
    app = await boot(dataDir, { retentionDays: 7 });
    expect((await readdir(join(dataDir, 'history'))).sort()).toEqual(['samples-2026-10-01.jsonl.keep', 'samples-2026-11-20.jsonl', 'samples-2026-11-27.jsonl']);
  });

  it('exports csv and jsonl into reports/ matching the query, and lists reports', async () => {
    await setUp();
    const store = app!.get(HistoryStore);
    for (let k = 0; k < 20; k++)
      await store.append({ ...sample(NOW_SEC - 1000 + k * 30, k), top_processes: [{ name: 'a,"b"', pid: k, cpu_percent: 1, mem_percent: 2, impact: 3 }] });
    const range = { from: NOW_SEC - 900, to: NOW_SEC - 300, granularity: 60 };
    const query = (await request(app!.getHttpServer()).get('/api/v1/history').query(range).expect(200)).body.samples as HistorySampleRecord[];

    const jsonl = (
      await request(app!.getHttpServer())
        .post('/api/v1/history/export')
        .send({ ...range, format: 'jsonl' })
        .expect(200)
    ).body;
    expect(jsonl).toEqual({ ok: true, file: expect.any(String), bytes: expect.any(Number), samples: query.length });
    expect(dirname(jsonl.file)).toBe(join(dataDir, 'reports'));
    const jsonlText = await readFile(jsonl.file, 'utf8');
    expect(Buffer.byteLength(jsonlText)).toBe(jsonl.bytes);
    expect(
      jsonlText
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(query);

    const csv = (
      await request(app!.getHttpServer())
        .post('/api/v1/history/export')
        .send({ ...range, format: 'csv' })
        .expect(200)
    ).body;
    const rows = (await readFile(csv.file, 'utf8')).trim().split('\n');
    expect(rows[0]).toBe('at,time_utc,cpu_percent,mem_percent,disk_pressure_percent,stability_score,stress_score,top_processes');
    expect(rows.slice(1).map((r) => Number(r.split(',')[0]))).toEqual(query.map((s) => s.at));
    expect(rows[1]).toContain(
      `${new Date(query[0].at * 1000).toISOString()},${query[0].cpu_percent},50.5,3,88.25,20,"a,""b"" (pid ${query[0].top_processes[0].pid}): cpu 1%, mem 2%, impact 3"`,
    );

    const listed = (await request(app!.getHttpServer()).get('/api/v1/reports').expect(200)).body;
    expect(listed.directory).toBe(join(dataDir, 'reports'));
    expect(listed.reports.map((r: { path: string; bytes: number }) => [r.path, r.bytes]).sort()).toEqual(
      [
        [jsonl.file, jsonl.bytes],
        [csv.file, csv.bytes],
      ].sort(),
    );
    expect(await readdir(join(dataDir, 'reports'))).toHaveLength(2);
  });

  it.each([
    ['format', { from: 1, to: 2, format: 'xlsx' }],
    ['from', { to: 2, format: 'csv' }],
    ['file', { from: 1, to: 2, format: 'csv', file: '../../etc/passwd' }],
  ])('rejects an export with a bad %s (400), writing nothing', async (name, body) => {
    await setUp();
    const res = await request(app!.getHttpServer()).post('/api/v1/history/export').send(body).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(name);
    expect(await readdir(join(dataDir, 'reports'))).toEqual([]);
  });
});

describe('a 30-day archive over HTTP', () => {
  let dataDir: string;
  let app: NestFastifyApplication;
  let all: HistorySampleRecord[];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sc-history-archive-'));
    execFileSync(process.execPath, [ARCHIVE_SCRIPT, '--dir', join(dataDir, 'history'), '--end', String(NOW_SEC)]);
    app = await boot(dataDir);
    all = readArchive(join(dataDir, 'history'));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const get = async (query: Record<string, unknown>) => (await request(app.getHttpServer()).get('/api/v1/history').query(query).expect(200)).body;

  it('answers like a naive full scan for random ranges, granularities, limits and aggregations', async () => {
    const START = NOW_SEC - 30 * 86_400;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: START - 3600, max: NOW_SEC + 3600 }),
        fc.integer({ min: 0, max: 3 * 86_400 }),
        fc.boolean(),
        fc.oneof(fc.constant(0), fc.constantFrom(30, 60, 300, 3600), fc.integer({ min: 1, max: 7200 })),
        fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined, freq: 3 }),
        fc.constantFrom('first', 'first', 'avg', 'min', 'max' as const),
        async (from, span, swap, granularity, limit, agg) => {
          const to = from + span;
          const body = await get({ ...(swap ? { from: to, to: from } : { from, to }), granularity, agg, ...(limit ? { limit } : {}) });
          expect(body.samples).toEqual(naiveQuery(all, { fromSec: from, toSec: to, granularitySec: granularity, limit, agg }));
          expect(body.summary.total_samples).toBe(86_401);
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);

  it('gzips a 24 h answer for clients that accept it, with the same JSON as without', async () => {
    const query = { from: NOW_SEC - 86_400, to: NOW_SEC };
    const http = () => request(app.getHttpServer()).get('/api/v1/history').query(query);
    const plain = await http().set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.samples).toEqual(naiveQuery(all, { fromSec: query.from, toSec: query.to, granularitySec: 0, agg: 'first' }));
    for (let i = 0; i < 2; i++) {
      const zipped = await http().set('Accept-Encoding', 'gzip').expect(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(Number(zipped.headers['content-length'])).toBeLessThan(Buffer.byteLength(plain.text) / 3);
      expect(zipped.body).toEqual(plain.body);
    }
  });

  it('streams the whole month raw as one valid JSON body', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/v1/history')
      .query({ from: 0, to: NOW_SEC + 1 })
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const body = JSON.parse((res.body as Buffer).toString('utf8'));
    expect(body.samples).toHaveLength(86_401);
    // One string comparison: a deep toEqual over 86k objects would take longer than the query.
    expect(JSON.stringify(body.samples) === JSON.stringify(all)).toBe(true);
    expect(body.summary.files).toHaveLength(31);
  }, 120_000);

  it('summarises the archive in /storage/info like the reference', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/storage/info').expect(200);
    const expected = await reference('storage-info-with-archive.json');
    expect(res.body.history).toMatchObject({
      files: expect.any(Array),
      total_samples: expected.history.total_samples,
      retention_days: 30,
      min_interval_sec: 30,
    });
    expect(res.body.history.files).toHaveLength(expected.history.files.length);
  });
});
