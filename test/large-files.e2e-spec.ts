import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CleanupWorld, worldEngine, type WorldEngine } from './helpers/cleanup-world.js';

// GET /storage/large: walks only folders inside the (temp) home or SENTRACORE_LARGE_FILES_ROOTS,
// never follows symlinks, reports truncation. Read-only; every file is under the test's root.

const MiB = 1024 * 1024;

describe('GET /api/v1/storage/large (e2e, temp home)', () => {
  let world: CleanupWorld;
  let engine: WorldEngine;
  const large = async (query: Record<string, string | number>) =>
    (await engine.http().get('/api/v1/storage/large').query(query).expect(200)).body as Record<string, unknown> & { results: { path: string; size: number }[] };

  beforeEach(async () => {
    world = new CleanupWorld();
    world.categories([]);
    world.file('home/big/movie.mkv', 3 * MiB);
    world.file('home/big/clip.mp4', 2 * MiB);
    world.file('home/big/tie-new.bin', 2 * MiB, 0);
    world.file('home/deep/a/b/c/disk.img', 5 * MiB);
    world.file('home/small.txt', 10);
    world.file('extra/archive.tar', 4 * MiB);
    symlinkSync(world.outside, world.path('home/outside-link'));
    symlinkSync(world.canary, world.path('home/canary-link.bin'));
    writeFileSync(join(world.outside, 'huge.bin'), Buffer.alloc(6 * MiB));
    engine = await worldEngine(world, { cleanup: { largeFilesRoots: [world.path('extra')] } });
  });
  afterEach(async () => {
    await engine?.app.close();
    expect(world.canaryIntact()).toBe(true);
    world.dispose();
  });

  it('the dashboard’s call: largest first (ties by mtime), parent and mtime, never a file behind a symlink', async () => {
    const body = await large({ path: world.home, min_mb: '1.00', limit: 200 });
    expect(body).toMatchObject({ ok: true, path: world.home, min_mb: 1, limit: 200, truncated: false, stopped: 'complete', skipped_symlinks: 2 });
    expect(body.results.map((r) => r.path)).toEqual([
      world.path('home/deep/a/b/c/disk.img'),
      world.path('home/big/movie.mkv'),
      world.path('home/big/tie-new.bin'),
      world.path('home/big/clip.mp4'),
    ]);
    expect(body.results[1]).toEqual({ path: world.path('home/big/movie.mkv'), size: 3 * MiB, mtime: expect.any(Number), parent: world.path('home/big') });
    expect(body.files_scanned).toBe(5);
  });

  it('min_mb and limit; ~ names the home', async () => {
    const body = await large({ path: '~/big', min_mb: 2.5, limit: 1 });
    expect(body.results.map((r) => r.path)).toEqual([world.path('home/big/movie.mkv')]);
  });

  it('only allowed roots: outside the home is refused, a SENTRACORE_LARGE_FILES_ROOTS folder is walked, a symlink into elsewhere is refused', async () => {
    expect(await large({ path: world.outside })).toEqual({ ok: false, error: expect.stringContaining('is outside the folders the finder may walk') });
    expect(await large({ path: world.path('home/outside-link') })).toEqual({ ok: false, error: expect.stringContaining('is outside') });
    expect((await large({ path: world.path('extra'), min_mb: 1 })).results.map((r) => r.path)).toEqual([world.path('extra/archive.tar')]);
  });

  it('no silent empty answers: a relative path, a missing folder and a file are errors', async () => {
    expect(await large({ path: 'big' })).toEqual({ ok: false, error: 'path must be an absolute folder path: "big"' });
    expect(await large({ path: world.path('home/nope') })).toEqual({ ok: false, error: `no such folder: ${world.path('home/nope')}` });
    expect(await large({ path: world.path('home/small.txt') })).toEqual({ ok: false, error: `not a folder: ${world.path('home/small.txt')}` });
  });

  it('reports truncation at max_files_scanned', async () => {
    mkdirSync(world.path('home/many'));
    for (let i = 0; i < 1500; i++) writeFileSync(world.path(`home/many/${i}`), 'x');
    const body = await large({ path: world.path('home/many'), min_mb: 0, limit: 5, max_files_scanned: 1000 });
    expect(body).toMatchObject({ ok: true, truncated: true, stopped: 'cap', files_scanned: 1000 });
    expect(body.results).toHaveLength(5);
  });

  it('validates like the earlier engine, with HTTP 400 naming the parameter', async () => {
    for (const query of [{ min_mb: -1 }, { limit: 0 }, { limit: 2001 }, { max_files_scanned: 999 }, { min_mb: 'abc' }]) {
      const res = await engine
        .http()
        .get('/api/v1/storage/large')
        .query({ path: world.home, ...query })
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(Object.keys(query)[0]);
    }
    await engine.http().get('/api/v1/storage/large').expect(400);
  });

  it('same-size ties break by mtime, newest first', async () => {
    const older = new Date(Date.now() - 7 * 86_400_000);
    utimesSync(world.path('home/big/clip.mp4'), older, older);
    const body = await large({ path: world.path('home/big'), min_mb: 2, limit: 10 });
    expect(body.results.map((r) => r.path).slice(1)).toEqual([world.path('home/big/tie-new.bin'), world.path('home/big/clip.mp4')]);
  });
});
