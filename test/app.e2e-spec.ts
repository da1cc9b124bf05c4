import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestApp, shapeOf } from './helpers/test-app.js';
import { REFERENCE_RESPONSES } from './helpers/fixtures.js';

const RESPONSES = REFERENCE_RESPONSES;
const fixture = (name: string) => JSON.parse(readFileSync(join(RESPONSES, name), 'utf8')) as Record<string, unknown>;
const SECTIONS = ['config', 'state', 'history', 'logs', 'cache', 'reports'] as const;

// Bytes of every regular file below `dir`: what the folder held before this test wrote to it.
function bytesOnDisk(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0);
}

describe('foundation routes on Fastify (e2e)', () => {
  let root: string;
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  const put = (path: string, bytes: number) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), Buffer.alloc(bytes, 1));
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-app-'));
    app = await createTestApp(root);
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lays out the six datastore folders at start', () => {
    expect(readdirSync(root).sort()).toEqual([...SECTIONS].sort());
  });

  it('GET /api/v1/health has the reference shape plus storage writability and the skipped day files', async () => {
    const response = await http().get('/api/v1/health').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(shapeOf(response.body)).toEqual({
      ...(shapeOf(fixture('health.json')) as object),
      storage: { writable: 'boolean', last_error: 'null' },
      skipped_history_files: 'array',
    });
    expect(response.body).toEqual({
      status: 'running',
      engine: true,
      websocket_clients: { live: 0, alerts: 0 },
      storage: { writable: true, last_error: null },
      skipped_history_files: [],
    });
  });

  it('GET /api/v1/storage/info reports the reference keys and the bytes written into each folder', async () => {
    const before = Object.fromEntries(SECTIONS.map((name) => [name, bytesOnDisk(join(root, name))]));
    const written = { config: 192, state: 2088, history: 1024 + 77, logs: 731, cache: 300 + 45, reports: 12 };
    put('config/user_preferences.json', 192);
    put('state/baseline.json', 2088);
    // Today and yesterday (UTC), so history retention never touches them.
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
    put(`history/samples-${day(1)}.jsonl`, 1024);
    put(`history/samples-${day(0)}.jsonl`, 77);
    put('logs/engine.log', 731);
    put('cache/a.bin', 300);
    put('cache/nested/b.bin', 45);
    put('reports/export.csv', 12);

    const { body } = await http().get('/api/v1/storage/info').expect(200);
    const reference = fixture('storage-info.json');
    for (const key of ['root', 'sections', 'total_bytes'] as const) expect(shapeOf(body[key])).toEqual(shapeOf(reference[key]));
    // Added by later modules; when present they must match the reference too.
    for (const key of ['history', 'runtime_checkpoint'] as const) if (key in body) expect(shapeOf(body[key])).toEqual(shapeOf(reference[key]));
    expect(body.migration).toEqual({ applied: true, moved: [] });
    expect(body.root).toBe(root);
    for (const name of SECTIONS) {
      expect(body.sections[name]).toEqual({ path: join(root, name), bytes: before[name] + written[name] });
    }
    const total = SECTIONS.reduce((sum, name) => sum + body.sections[name].bytes, 0);
    expect(body.total_bytes).toBe(total);
  });

  it('POST /api/v1/storage/cache/clear with no body and no Content-Type answers 200 and clears only cache/', async () => {
    const before = await http().get('/api/v1/storage/info').expect(200);
    const cacheBytes = before.body.sections.cache.bytes as number;
    expect(cacheBytes).toBeGreaterThan(0);

    const cacheFiles = readdirSync(join(root, 'cache'), { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
    expect(cacheFiles).toBeGreaterThanOrEqual(2);
    const response = await http().post('/api/v1/storage/cache/clear').expect(200);
    // What the dashboard sends: no body, no Content-Type (checked on the request that went out).
    const sent = (response as unknown as { req: ClientRequest }).req;
    expect(sent.getHeader('content-length') ?? '0').toBe('0');
    expect(sent.getHeaderNames()).not.toContain('content-type');
    expect(response.body).toEqual({ ok: true, files_removed: cacheFiles, bytes_freed: cacheBytes });

    const after = await http().get('/api/v1/storage/info').expect(200);
    expect(after.body.sections.cache.bytes).toBe(0);
    for (const name of SECTIONS.filter((s) => s !== 'cache')) expect(after.body.sections[name]).toEqual(before.body.sections[name]);
    expect(readFileSync(join(root, 'state', 'baseline.json')).length).toBe(2088);
  });

  it('a second clear removes nothing', async () => {
    const { body } = await http().post('/api/v1/storage/cache/clear').expect(200);
    expect(body).toEqual({ ok: true, files_removed: 0, bytes_freed: 0 });
  });
});
