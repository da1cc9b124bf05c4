import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CategorySpec } from './category.js';
import { loadTable, resolveTable } from './category-table.js';

const spec = (id: string, roots: string[]): CategorySpec => ({ id, label: id, description: id, roots, min_age_days: 0, requires_admin: false });

describe('resolveTable / loadTable', () => {
  let root: string;
  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'sc-table-')));
    for (const dir of ['cache/pip', 'tmp', 'profiles/a/cache2', 'profiles/b']) mkdirSync(join(root, dir), { recursive: true });
    symlinkSync(join(root, 'tmp'), join(root, 'tmp-link'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('roots are real and walked once: a shared folder (TEMP = TMP), a symlinked alias, a nested root of another category', async () => {
    const table = await resolveTable([
      spec('temp', [join(root, 'tmp'), join(root, 'tmp-link'), join(root, 'missing')]),
      spec('cache', [join(root, 'cache')]),
      spec('pip', [join(root, 'cache/pip')]),
      spec('again', [join(root, 'tmp')]),
      spec('firefox', [join(root, 'profiles/*/cache2')]),
    ]);
    expect(table.map((c) => [c.spec.id, c.roots, c.excludes])).toEqual([
      ['temp', [join(root, 'tmp')], []],
      ['cache', [join(root, 'cache')], [join(root, 'cache/pip')]],
      ['pip', [join(root, 'cache/pip')], []],
      ['firefox', [join(root, 'profiles/a/cache2')], []],
    ]);
  });

  it('a broken file means no categories at all (never the built-in table)', async () => {
    const file = join(root, 'table.json');
    writeFileSync(file, '{not json');
    const table = await loadTable(file, () => [spec('builtin', [root])]);
    expect(table).toEqual({ categories: [], source: 'file', error: expect.stringContaining(`cleanup categories file ${file}:`) });
    const missing = await loadTable(join(root, 'nope.json'), () => [spec('builtin', [root])]);
    expect(missing.categories).toEqual([]);
    expect((await loadTable(undefined, () => [spec('builtin', [root])])).categories.map((c) => c.spec.id)).toEqual(['builtin']);
  });
});
