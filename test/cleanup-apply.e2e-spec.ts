import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { CleanupWorld, TOKEN, worldEngine, type WorldEngine } from './helpers/cleanup-world.js';

// POST /cleanup/apply on a temp-root table: the round trip per mode and every unsafe case, each
// refused or skipped with the reason reported. The canary outside the root survives every test.

describe('cleanup apply (e2e, temp-root table)', () => {
  let world: CleanupWorld;
  let engine: WorldEngine;
  const scan = async (body: object = {}) => (await engine.http().post('/api/v1/cleanup/scan').send(body).expect(200)).body as { scan_id: string };
  const apply = async (body: object) => (await engine.http().post('/api/v1/cleanup/apply').send(body).expect(200)).body as Record<string, unknown>;

  beforeEach(() => {
    world = new CleanupWorld();
  });
  afterEach(async () => {
    await engine?.app.close();
    expect(world.canaryIntact()).toBe(true);
    world.dispose();
  });

  it('permanent: removes exactly the recorded files of the chosen category, reports per category, and spends the scan', async () => {
    world.file('cache/a/one.bin', 100);
    world.file('cache/two.bin', 50);
    world.file('keep/three.bin', 70);
    world.categories([
      { id: 'cache', roots: ['cache'] },
      { id: 'keep', roots: ['keep'] },
    ]);
    engine = await worldEngine(world);
    const { scan_id } = await scan();
    const done = await apply({ scan_id, category_ids: ['cache'], mode: 'PERMANENT' });
    expect(done).toMatchObject({
      ok: true,
      scan_id,
      mode: 'permanent',
      removed: 2,
      bytes_freed: 150,
      skipped: 0,
      errors: [],
      errors_truncated: 0,
      scan_consumed: true,
    });
    expect(done.per_category).toEqual({ cache: { removed: 2, bytes_freed: 150, skipped: 0, skipped_changed: 0, skipped_unsafe_path: 0 } });
    expect(existsSync(world.path('cache/a/one.bin')) || existsSync(world.path('cache/two.bin'))).toBe(false);
    expect(existsSync(world.path('cache/a'))).toBe(true); // folders are left in place (only a trash's item folders go)
    expect(existsSync(world.path('keep/three.bin'))).toBe(true);
    expect(await apply({ scan_id, category_ids: ['keep'], mode: 'permanent' })).toEqual({ ok: false, error: 'Unknown or expired scan_id' });
  });

  it('recycle: moves the files into the freedesktop.org home trash with a valid .trashinfo each, and says so', async () => {
    const original = world.file('cache/my report ü.txt', 40);
    world.file('cache/sub/my report ü.txt', 41); // the same name again: the trash gives it another
    world.categories([{ id: 'cache', roots: ['cache'] }]);
    engine = await worldEngine(world);
    const { scan_id } = await scan();
    const before = Date.now();
    const done = await apply({ scan_id, category_ids: ['cache'], mode: 'recycle' });
    const trash = join(world.home, '.local/share/Trash');
    expect(done).toMatchObject({ ok: true, mode: 'recycle', removed: 2, bytes_freed: 81, trash_dirs: [trash] });
    expect(existsSync(original)).toBe(false);
    expect(readdirSync(join(trash, 'files')).sort()).toEqual(['my report ü.2.txt', 'my report ü.txt']);
    const infos = readdirSync(join(trash, 'info')).sort();
    expect(infos).toEqual(['my report ü.2.txt.trashinfo', 'my report ü.txt.trashinfo']);
    const texts = infos.map((name) => readFileSync(join(trash, 'info', name), 'utf8'));
    const paths = texts.map((text) => /^Path=(.*)$/m.exec(text)![1]);
    expect(paths.map(decodeURIComponent).sort()).toEqual([original, world.path('cache/sub/my report ü.txt')].sort());
    expect(paths[0]).toContain('my%20report%20%C3%BC.txt');
    for (const text of texts) {
      expect(text).toMatch(/^\[Trash Info\]\nPath=\/\S+\nDeletionDate=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\n$/);
      const stamp = /DeletionDate=(.*)/.exec(text)![1];
      expect(Math.abs(new Date(stamp).getTime() - before)).toBeLessThan(5000); // local time, no zone
    }
  });

  it('recycle without a usable trash fails with a clear error, moves and deletes nothing, and keeps the scan for a permanent apply', async () => {
    const file = world.file('cache/x.bin', 10);
    mkdirSync(join(world.home, '.local'));
    writeFileSync(join(world.home, '.local/share'), 'not a folder');
    world.categories([{ id: 'cache', roots: ['cache'] }]);
    engine = await worldEngine(world);
    expect((await engine.http().get('/api/v1/cleanup/categories').expect(200)).body.os_supports_recycle_bin).toBe(false);
    const { scan_id } = await scan();
    const refused = await apply({ scan_id, category_ids: ['cache'], mode: 'recycle' });
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^recycle: the home trash .* cannot be used .*nothing was moved or deleted/) });
    expect(existsSync(file)).toBe(true);
    expect(await apply({ scan_id, category_ids: ['cache'], mode: 'permanent' })).toMatchObject({ ok: true, mode: 'permanent', removed: 1 });
  });

  it('a trash symlinked elsewhere is refused, never followed', async () => {
    world.file('cache/x.bin', 10);
    mkdirSync(join(world.home, '.local/share'), { recursive: true });
    symlinkSync(world.outside, join(world.home, '.local/share/Trash'));
    world.categories([{ id: 'cache', roots: ['cache'] }]);
    engine = await worldEngine(world);
    const { scan_id } = await scan();
    expect(await apply({ scan_id, category_ids: ['cache'], mode: 'recycle' })).toMatchObject({ ok: false, error: expect.stringContaining('symlink') });
    expect(readdirSync(world.outside).sort()).toEqual(['canary.bin', 'victim.bin']);
  });

  it('a folder swapped for a symlink between scan and apply: nothing behind the link is touched, the files are skipped and counted', async () => {
    world.file('cache/sub/victim.bin', 100);
    world.file('cache/sub/deeper/victim.bin', 100);
    world.categories([{ id: 'cache', roots: ['cache'] }]);
    engine = await worldEngine(world);
    const { scan_id } = await scan();
    mkdirSync(join(world.outside, 'deeper'));
    writeFileSync(join(world.outside, 'deeper/victim.bin'), 'y'.repeat(100));
    renameSync(world.path('cache/sub'), world.path('moved-away'));
    symlinkSync(world.outside, world.path('cache/sub'));
    const done = await apply({ scan_id, category_ids: ['cache'], mode: 'permanent' });
    expect(done).toMatchObject({ ok: true, removed: 0, skipped: 2, skipped_unsafe_path: 2 });
    expect(readFileSync(join(world.outside, 'deeper/victim.bin'), 'utf8')).toBe('y'.repeat(100));
  });

  it('the category root itself swapped for a symlink: the category is refused with a reason', async () => {
    world.file('cache/victim.bin', 100);
    world.categories([{ id: 'cache', roots: ['cache'] }]);
    engine = await worldEngine(world);
    const { scan_id } = await scan();
    renameSync(world.path('cache'), world.path('cache-moved'));
    symlinkSync(world.outside, world.path('cache'));
    const done = await apply({ scan_id, category_ids: ['cache'], mode: 'permanent' });
    expect(done).toMatchObject({ ok: true, removed: 0, errors: [{ category: 'cache', error: expect.stringContaining('changed since the scan') }] });
  });

  it('files changed after the scan are skipped and counted: grown, touched, replaced by another file, replaced by a symlink', async () => {
    const grown = world.file('cache/grown.bin', 10);
    const touched = world.file('cache/touched.bin', 10);
    const replaced = world.file('cache/replaced.bin', 10);
    const linked = world.file('cache/linked.bin', 10);
    const fine = world.file('cache/fine.bin', 10);
    world.categories([{ id: 'cache', roots: ['cache'] }]);
    engine = await worldEngine(world);
    const { scan_id } = await scan();
    appendFileSync(grown, 'more');
    const later = new Date(Date.now() - 3600_000);
    utimesSync(touched, later, later);
    const { mtime } = statSync(replaced);
    rmSync(replaced);
    writeFileSync(replaced, Buffer.alloc(10, 7));
    utimesSync(replaced, mtime, mtime); // same size and mtime, another inode
    rmSync(linked);
    symlinkSync(world.canary, linked);
    const done = await apply({ scan_id, category_ids: ['cache'], mode: 'permanent' });
    expect(done).toMatchObject({ ok: true, removed: 1, skipped: 4, skipped_changed: 4 });
    expect([grown, touched, replaced, linked].every((path) => existsSync(path))).toBe(true);
    expect(existsSync(fine)).toBe(false);
  });

  it('an engine restart forgets every scan (the registry is in memory): apply answers unknown scan', async () => {
    const file = world.file('cache/x.bin', 10);
    world.categories([{ id: 'cache', roots: ['cache'] }]);
    engine = await worldEngine(world);
    const { scan_id } = await scan();
    await engine.app.close();
    engine = await worldEngine(world);
    expect(await apply({ scan_id, category_ids: ['cache'], mode: 'permanent' })).toEqual({ ok: false, error: 'Unknown or expired scan_id' });
    expect(existsSync(file)).toBe(true);
  });

  it('category_ids: missing, empty, blank or naming a category outside the scan is refused and deletes nothing', async () => {
    const file = world.file('cache/x.bin', 10);
    world.file('other/y.bin', 10);
    world.categories([
      { id: 'cache', roots: ['cache'] },
      { id: 'other', roots: ['other'] },
    ]);
    engine = await worldEngine(world);
    const { scan_id } = await scan({ category_ids: ['cache'] });
    const empty = 'category_ids must list at least one category of this scan; an empty list never means everything';
    expect(await apply({ scan_id, mode: 'permanent' })).toEqual({ ok: false, error: empty });
    expect(await apply({ scan_id, category_ids: [], mode: 'permanent' })).toEqual({ ok: false, error: empty });
    expect(await apply({ scan_id, category_ids: ['  '], mode: 'permanent' })).toEqual({ ok: false, error: empty });
    expect(await apply({ scan_id, category_ids: ['cache', 'other'], mode: 'permanent' })).toEqual({
      ok: false,
      error: `category_ids not in scan ${scan_id}: other; nothing was deleted`,
    });
    expect(await apply({ category_ids: ['cache'] })).toEqual({ ok: false, error: 'Missing scan_id' });
    expect(await apply({ scan_id, category_ids: ['cache'], mode: 'nuke' })).toEqual({
      ok: false,
      error: "Unknown cleanup mode: 'nuke'; use recycle or permanent",
    });
    expect(existsSync(file)).toBe(true);
    expect(existsSync(world.path('other/y.bin'))).toBe(true);
  });

  it('elevated without SENTRACORE_API_TOKEN: apply is refused; with the token set, only a request bearing it may apply', async () => {
    const file = world.file('cache/x.bin', 10);
    world.categories([{ id: 'cache', roots: ['cache'] }]);
    engine = await worldEngine(world, { elevated: true });
    const first = await scan();
    expect(await apply({ scan_id: first.scan_id, category_ids: ['cache'], mode: 'permanent' })).toEqual({
      ok: false,
      error: 'cleanup apply is refused: the engine runs with administrator rights and SENTRACORE_API_TOKEN is not set',
    });
    await engine.app.close();
    engine = await worldEngine(world, { elevated: true, apiToken: TOKEN });
    await engine.http().post('/api/v1/cleanup/scan').send({}).expect(401);
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const { scan_id } = (await engine.http().post('/api/v1/cleanup/scan').set(auth).send({}).expect(200)).body as { scan_id: string };
    await engine
      .http()
      .post('/api/v1/cleanup/apply')
      .send({ scan_id, category_ids: ['cache'], mode: 'permanent' })
      .expect(401);
    expect(existsSync(file)).toBe(true);
    const done = (
      await engine
        .http()
        .post('/api/v1/cleanup/apply')
        .set(auth)
        .send({ scan_id, category_ids: ['cache'], mode: 'permanent' })
        .expect(200)
    ).body;
    expect(done).toMatchObject({ ok: true, removed: 1 });
  });

  it('a trash category (permanent): files and their .trashinfo go together, emptied item folders too; a changed item stays whole', async () => {
    const trash = world.path('home/.local/share/Trash');
    world.file('home/.local/share/Trash/files/photo.jpg', 30);
    world.file('home/.local/share/Trash/files/album/a/b.jpg', 20);
    world.file('home/.local/share/Trash/files/album/c.jpg', 20);
    const kept = world.file('home/.local/share/Trash/files/kept.jpg', 20);
    for (const item of ['photo.jpg', 'album', 'kept.jpg']) world.file(`home/.local/share/Trash/info/${item}.trashinfo`, 10);
    world.categories([{ id: 'trash', roots: ['home/.local/share/Trash/files'], trash: 'xdg' }]);
    engine = await worldEngine(world);
    const { scan_id } = await scan();
    appendFileSync(kept, 'changed after the scan');
    expect(await apply({ scan_id, category_ids: ['trash'], mode: 'permanent' })).toMatchObject({ ok: true, removed: 3, skipped: 1, skipped_changed: 1 });
    expect(readdirSync(join(trash, 'files'))).toEqual(['kept.jpg']);
    expect(readdirSync(join(trash, 'info'))).toEqual(['kept.jpg.trashinfo']);
  });

  it('a trash category is never "recycled": that category is refused with the reason, the others proceed', async () => {
    world.file('home/.local/share/Trash/files/photo.jpg', 30);
    world.file('cache/x.bin', 10);
    world.categories([
      { id: 'trash', roots: ['home/.local/share/Trash/files'], trash: 'xdg' },
      { id: 'cache', roots: ['cache'] },
    ]);
    engine = await worldEngine(world);
    const { scan_id } = await scan();
    expect(await apply({ scan_id, category_ids: ['trash', 'cache'], mode: 'recycle' })).toMatchObject({
      ok: true,
      mode: 'recycle',
      removed: 1,
      errors: [{ category: 'trash', error: 'a trash cannot be moved to the trash; empty it with mode "permanent"' }],
    });
    expect(existsSync(world.path('home/.local/share/Trash/files/photo.jpg'))).toBe(true);
    expect(readdirSync(world.path('home/.local/share/Trash/files')).sort()).toEqual(['photo.jpg', 'x.bin']);
  });
});
