import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CleanupWorld, worldEngine, type WorldEngine } from '../helpers/cleanup-world.js';
import { DartNumber, isDartMap, type DartMap, type DartValue } from './dart-json.js';
import { dartProblems, type DartReads } from './dart-reads.js';
import { dartRequest, type DartReply } from './dashboard-client.js';
import { numberFormProblems, openApiDocument, responseSchemaOf } from './number-forms.js';

// The dashboard's Storage screen (storage_screen.dart, engine_service.dart) against a temp-root
// category table: scan on connect, preselect the categories with bytes, "Move to Recycle Bin",
// re-scan, "Delete permanently", then "Largest files" on the home. Every field the screen reads is
// checked with Dart's rules, and every number against the OpenAPI document.

const SCAN_READS: DartReads = {
  ok: 'true',
  scan_id: 'String',
  os: 'String',
  categories: 'List',
  'categories[].id': 'String',
  'categories[].label': 'String',
  'categories[].description': 'String',
  'categories[].bytes': 'num',
  'categories[].file_count': 'num',
  'categories[].roots': 'List',
  'categories[].samples': 'List',
  'categories[].samples[].path': 'String',
  'categories[].samples[].size': 'num',
};
const APPLY_READS: DartReads = { ok: 'true', removed: 'num', bytes_freed: 'num', skipped: 'num', errors: 'List' };
const LARGE_READS: DartReads = {
  ok: 'true',
  results: 'List',
  'results[].path': 'String',
  'results[].parent': 'String',
  'results[].size': 'num',
  'results[].mtime': 'num',
};

const MiB = 1024 * 1024;
const doc = openApiDocument();

function served(reply: DartReply, reads: DartReads, method: string, route: string): DartMap {
  expect(reply.status).toBe(200);
  expect(dartProblems(reply.json!, reads)).toEqual([]);
  expect(numberFormProblems(doc, responseSchemaOf(doc, method, route)!, reply.json!)).toEqual([]);
  expect(isDartMap(reply.json)).toBe(true);
  return reply.json as DartMap;
}

describe('the dashboard’s Storage screen against a temp-root table (e2e)', () => {
  let world: CleanupWorld;
  let engine: WorldEngine;
  let baseUrl: string;
  const post = (path: string, body: object) => dartRequest(baseUrl, 'POST', path, JSON.stringify(body));
  const text = (value: DartValue | undefined) => value as string;
  const num = (value: DartValue | undefined) => (value as DartNumber).value;

  beforeAll(async () => {
    world = new CleanupWorld();
    world.file('home/.cache/app/blob.bin', 5000);
    world.file('home/.cache/app/more.bin', 3000);
    world.file('home/.npm/_cacache/x', 700);
    world.file('home/Videos/movie.mkv', 60 * MiB);
    world.categories([
      { id: 'user_cache', roots: ['home/.cache'] },
      { id: 'npm_cache', roots: ['home/.npm/_cacache'] },
      { id: 'empty', roots: ['home/Videos/none'] },
    ]);
    engine = await worldEngine(world);
    await engine.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(engine.app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await engine?.app.close();
    expect(world.canaryIntact()).toBe(true);
    world.dispose();
  });

  it('Free up space: scan on connect, recycle the preselected categories, re-scan, delete permanently', async () => {
    const first = served(await post('/api/v1/cleanup/scan', {}), SCAN_READS, 'post', '/api/v1/cleanup/scan');
    const categories = first.categories as DartMap[];
    const selected = categories.filter((c) => num(c.bytes) > 0).map((c) => text(c.id));
    expect(selected).toEqual(['user_cache', 'npm_cache']);

    const recycled = served(
      await post('/api/v1/cleanup/apply', { scan_id: text(first.scan_id), category_ids: ['user_cache'], mode: 'recycle' }),
      APPLY_READS,
      'post',
      '/api/v1/cleanup/apply',
    );
    expect(recycled).toMatchObject({ mode: 'recycle' });
    expect(num(recycled.removed)).toBe(2);
    expect(readdirSync(join(world.home, '.local/share/Trash/files')).sort()).toEqual(['blob.bin', 'more.bin']);

    const again = served(await post('/api/v1/cleanup/scan', {}), SCAN_READS, 'post', '/api/v1/cleanup/scan');
    const deleted = served(
      await post('/api/v1/cleanup/apply', { scan_id: text(again.scan_id), category_ids: ['npm_cache'], mode: 'permanent' }),
      APPLY_READS,
      'post',
      '/api/v1/cleanup/apply',
    );
    expect(num(deleted.removed)).toBe(1);
    expect(existsSync(world.path('home/.npm/_cacache/x'))).toBe(false);
  });

  it('a refused apply is HTTP 200 with a readable error, as the screen shows it', async () => {
    const scan = served(await post('/api/v1/cleanup/scan', {}), SCAN_READS, 'post', '/api/v1/cleanup/scan');
    const reply = await post('/api/v1/cleanup/apply', { scan_id: text(scan.scan_id), category_ids: [], mode: 'recycle' });
    expect(reply.status).toBe(200);
    expect(dartProblems(reply.json!, { ok: 'bool', error: 'String' })).toEqual([]);
  });

  it('Largest files: the home with the screen’s defaults (min_mb=50.00, limit=200)', async () => {
    const path = `/api/v1/storage/large?path=${encodeURIComponent(world.home)}&min_mb=50.00&limit=200`;
    const body = served(await dartRequest(baseUrl, 'GET', path), LARGE_READS, 'get', '/api/v1/storage/large');
    expect((body.results as DartMap[]).map((r) => text(r.path))).toEqual([world.path('home/Videos/movie.mkv')]);
  });
});
