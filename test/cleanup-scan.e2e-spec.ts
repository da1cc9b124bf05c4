import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CleanupScanService } from '../src/cleanup/cleanup-scan.service.js';
import { CleanupWorld, worldEngine, type WorldEngine } from './helpers/cleanup-world.js';

// POST /cleanup/scan, GET /cleanup/scan/{id}, GET /cleanup/categories on a temp-root table
// (SENTRACORE_CLEANUP_CATEGORIES_FILE): read-only, every file under the test's own root.

describe('cleanup categories and scan (e2e, temp-root table)', () => {
  let world: CleanupWorld;
  let engine: WorldEngine;

  beforeEach(() => {
    world = new CleanupWorld();
  });
  afterEach(async () => {
    await engine?.app.close();
    expect(world.canaryIntact()).toBe(true);
    world.dispose();
  });

  it('lists the table file: missing roots dropped, duplicate and nested roots once, requires_admin by the real rights', async () => {
    mkdirSync(world.path('cache/pip'), { recursive: true });
    world.categories([
      { id: 'cache', roots: ['cache', 'cache/', 'missing'] },
      { id: 'pip', roots: ['cache/pip'] },
      { id: 'gone', roots: ['nowhere'] },
      { id: 'system', roots: ['cache/pip'], requires_admin: true },
    ]);
    engine = await worldEngine(world);
    const body = (await engine.http().get('/api/v1/cleanup/categories').expect(200)).body as Record<string, unknown>;
    expect(body).toMatchObject({ source: 'file', table_error: null, elevated: false, os_supports_recycle_bin: true });
    expect(body.categories).toEqual([
      expect.objectContaining({ id: 'cache', roots: [world.path('cache')], requires_admin: false }),
      expect.objectContaining({ id: 'pip', roots: [world.path('cache/pip')] }),
    ]);
  });

  it('an admin-only category: listed with requires_admin true and never walked when the engine is not elevated', async () => {
    world.file('sys/a.deb', 10);
    world.categories([{ id: 'sys', roots: ['sys'], requires_admin: true }]);
    engine = await worldEngine(world, { elevated: false });
    const categories = (await engine.http().get('/api/v1/cleanup/categories').expect(200)).body.categories as Record<string, unknown>[];
    expect(categories[0]).toMatchObject({ requires_admin: true, admin_only: true });
    const scan = (await engine.http().post('/api/v1/cleanup/scan').send({}).expect(200)).body;
    expect(scan.categories[0]).toMatchObject({ bytes: 0, file_count: 0, requires_admin: true, error: expect.stringContaining('administrator') });
  });

  it('a broken table file gives no categories and says why; it never falls back to the built-in table', async () => {
    writeFileSync(world.table, '[{"id": "x", "roots": ["relative/path"]}]');
    engine = await worldEngine(world);
    const body = (await engine.http().get('/api/v1/cleanup/categories').expect(200)).body;
    expect(body).toMatchObject({ source: 'file', categories: [], table_error: expect.stringContaining('category 0') });
    expect((await engine.http().post('/api/v1/cleanup/scan').send({}).expect(200)).body).toMatchObject({ ok: true, categories: [], total_files: 0 });
  });

  it('measures: totals, samples largest first, each file once across overlapping categories and hard links, the skips counted', async () => {
    world.file('cache/big.bin', 5000);
    world.file('cache/small.bin', 300);
    world.file('cache/pip/wheel.whl', 3000);
    linkSync(world.path('cache/big.bin'), world.path('cache/big-link.bin'));
    world.file('cache/lock', 10);
    world.file('cache/app.lock', 10);
    symlinkSync(world.canary, world.path('cache/escape'));
    symlinkSync(world.outside, world.path('cache/escape-dir'));
    world.file('young/new.bin', 100, 0.5);
    world.file('young/old.bin', 200, 3);
    world.categories([
      { id: 'cache', roots: ['cache'] },
      { id: 'pip', roots: ['cache/pip'] },
      { id: 'young', roots: ['young'], min_age_days: 1 },
    ]);
    engine = await worldEngine(world);
    const scan = (
      await engine
        .http()
        .post('/api/v1/cleanup/scan')
        .send({ category_ids: ['cache', 'pip', 'young', 'cache'] })
        .expect(200)
    ).body;
    expect(scan).toMatchObject({ ok: true, os: 'linux', total_bytes: 8500, total_files: 4, truncated: false, stopped: 'complete' });
    expect(scan.scan_id).toMatch(/^[0-9a-f]{32}$/);
    const [cache, pip, young] = scan.categories;
    expect(cache).toMatchObject({ id: 'cache', bytes: 5300, file_count: 2, error: null, truncated: false });
    // big.bin and big-link.bin are one file (a hard link): whichever the walk met first is recorded.
    expect(cache.samples.map((s: { size: number }) => s.size)).toEqual([5000, 300]);
    expect([world.path('cache/big.bin'), world.path('cache/big-link.bin')]).toContain(cache.samples[0].path);
    expect(cache.skipped).toMatchObject({ symlinks: 2, locks: 2, duplicates: 1 });
    expect(pip).toMatchObject({ bytes: 3000, file_count: 1 });
    expect(young).toMatchObject({ bytes: 200, file_count: 1, skipped: expect.objectContaining({ young: 1 }) });
    const again = (await engine.http().get(`/api/v1/cleanup/scan/${scan.scan_id}`).expect(200)).body;
    expect(again).toEqual(scan);
    expect((await engine.http().get('/api/v1/cleanup/scan/0123').expect(200)).body).toEqual({ ok: false, error: 'Unknown or expired scan_id' });
  });

  it('never records a file changed in the last minutes, nor a socket', async () => {
    world.file('cache/fresh.bin', 10, 0);
    world.file('cache/settled.bin', 10, 1);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(world.path('cache'), 'app.sock'), resolve));
    world.categories([{ id: 'cache', roots: ['cache'] }]);
    engine = await worldEngine(world, { cleanup: { recentChangeSec: 300 } });
    const scan = (await engine.http().post('/api/v1/cleanup/scan').send({}).expect(200)).body;
    await new Promise((resolve) => server.close(resolve));
    // ctime is now for both (utimes moves it), so with a 5-minute window both count as recently changed.
    expect(scan.categories[0]).toMatchObject({ file_count: 0, skipped: expect.objectContaining({ recent: 2, special: 1 }) });
  });

  it('reports the depth limit: a file 13 folders below the root is not walked, the category says truncated', async () => {
    world.file('deep/1/2/3/4/5/6/7/8/9/10/11/12/ok.bin', 10);
    world.file('deep/1/2/3/4/5/6/7/8/9/10/11/12/13/too-deep.bin', 10);
    world.categories([{ id: 'deep', roots: ['deep'] }]);
    engine = await worldEngine(world);
    const scan = (await engine.http().post('/api/v1/cleanup/scan').send({}).expect(200)).body;
    expect(scan.categories[0]).toMatchObject({ file_count: 1, truncated: true, skipped: expect.objectContaining({ deep_dirs: 1 }) });
    expect(scan.truncated).toBe(true);
  });

  it('reports truncation at the wall-clock budget', async () => {
    for (let i = 0; i < 3000; i++) writeFileSync(world.path(`f${i}`), 'x');
    world.categories([{ id: 'many', roots: ['.'] }]);
    engine = await worldEngine(world, { cleanup: { scanBudgetSec: 0.000001 } });
    const scan = (await engine.http().post('/api/v1/cleanup/scan').send({}).expect(200)).body;
    expect(scan).toMatchObject({ ok: true, truncated: true, stopped: 'time_budget' });
    expect(scan.categories[0].truncated).toBe(true);
    expect(scan.categories[0].file_count).toBeLessThan(3000);
  });

  it('reports the per-category cap of 25,000 files: truncated, stopped file_cap, the recorded files exactly the cap', async () => {
    for (let d = 0; d < 51; d++) {
      mkdirSync(world.path(`many/${d}`), { recursive: true });
      for (let i = 0; i < 500; i++) writeFileSync(world.path(`many/${d}/${i}`), 'x');
    }
    world.categories([{ id: 'many', roots: ['many'] }]);
    engine = await worldEngine(world);
    const scan = (await engine.http().post('/api/v1/cleanup/scan').send({}).expect(200)).body;
    expect(scan).toMatchObject({ ok: true, truncated: true, stopped: 'file_cap', total_files: 25_000, total_bytes: 25_000 });
    expect(scan.categories[0]).toMatchObject({ truncated: true, file_count: 25_000 });
  }, 60_000);

  it('one scan in flight: a second caller asking the same shares it; a cancel stops it; a client that goes away stops it', async () => {
    for (let d = 0; d < 40; d++) {
      mkdirSync(world.path(`tree/${d}`), { recursive: true });
      for (let i = 0; i < 500; i++) writeFileSync(world.path(`tree/${d}/${i}`), 'x');
    }
    world.categories([{ id: 'tree', roots: ['tree'] }]);
    engine = await worldEngine(world);
    const [a, b] = await Promise.all([
      engine
        .http()
        .post('/api/v1/cleanup/scan')
        .send({ category_ids: ['tree'] }),
      engine
        .http()
        .post('/api/v1/cleanup/scan')
        .send({ category_ids: ['tree'] }),
    ]);
    expect(a.body.scan_id).toBe(b.body.scan_id);
    expect(a.body.total_files).toBe(20_000);

    const registry = engine.app.get(CleanupScanService).registry;
    const before = registry.size;
    const running = engine
      .http()
      .post('/api/v1/cleanup/scan')
      .send({})
      .then((r) => r.body as Record<string, unknown>);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await engine.http().post('/api/v1/cleanup/scan/cancel').send({}).expect(200)).body).toEqual({ ok: true, cancelled: true });
    expect(await running).toEqual({ ok: false, error: 'scan cancelled' });

    await engine.app.listen(0, '127.0.0.1');
    const port = (engine.app.getHttpServer().address() as { port: number }).port;
    const controller = new AbortController();
    const gone = fetch(`http://127.0.0.1:${port}/api/v1/cleanup/scan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: controller.signal,
    }).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 30));
    controller.abort();
    expect(await gone).toBe('AbortError');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(registry.size).toBe(before); // neither the cancelled nor the abandoned scan was registered
  }, 60_000);

  it('a folder whose lock file another program holds (apt while it runs) is not walked, and apply refuses it too', async () => {
    world.file('apt/pkg_1.0_amd64.deb', 1000);
    world.file('apt/partial/half.deb', 10);
    world.file('apt/notes.txt', 10);
    const lock = world.file('apt/lock', 0);
    world.categories([{ id: 'apt', roots: ['apt'], extensions: ['.deb'], max_depth: 0, lock_file: lock }]);
    engine = await worldEngine(world);
    const free = (await engine.http().post('/api/v1/cleanup/scan').send({}).expect(200)).body;
    expect(free.categories[0]).toMatchObject({ file_count: 1, bytes: 1000, error: null }); // *.deb at the top only; lock, partial/ and notes kept
    // A child this test spawned takes an fcntl lock, as apt does.
    const holder = spawn('python3', [
      '-c',
      'import fcntl,sys,time; f=open(sys.argv[1],"w"); fcntl.lockf(f, fcntl.LOCK_EX); print("locked", flush=True); time.sleep(60)',
      lock,
    ]);
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const held = (await engine.http().post('/api/v1/cleanup/scan').send({}).expect(200)).body;
      expect(held.categories[0]).toMatchObject({ file_count: 0, error: expect.stringContaining('is locked by another program') });
      const done = (
        await engine
          .http()
          .post('/api/v1/cleanup/apply')
          .send({ scan_id: free.scan_id, category_ids: ['apt'], mode: 'permanent' })
          .expect(200)
      ).body;
      expect(done).toMatchObject({ ok: true, removed: 0, errors: [{ category: 'apt', error: expect.stringContaining('is locked') }] });
    } finally {
      holder.kill('SIGKILL');
    }
    expect(existsSync(world.path('apt/pkg_1.0_amd64.deb'))).toBe(true);
  });

  it('rejects a category_ids that is not a list of strings with HTTP 400 naming it', async () => {
    world.categories([]);
    engine = await worldEngine(world);
    const res = await engine.http().post('/api/v1/cleanup/scan').send({ category_ids: 'trash' }).expect(400);
    expect(JSON.stringify(res.body)).toContain('category_ids');
  });
});
