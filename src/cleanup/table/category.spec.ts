import { describe, expect, it } from '@jest/globals';
import { parseCategoryTable } from './category.js';

const row = { id: 'cache', label: 'Cache', description: 'A cache.', roots: ['/tmp/x'], min_age_days: 0, requires_admin: false };

describe('parseCategoryTable (SENTRACORE_CLEANUP_CATEGORIES_FILE)', () => {
  it('reads the GET /cleanup/categories shape with the optional policy fields', () => {
    const text = JSON.stringify([row, { ...row, id: 'apt', extensions: ['.deb'], max_depth: 0, lock_file: '/var/lock/x', trash: 'xdg' }]);
    expect(parseCategoryTable(text)).toEqual([row, { ...row, id: 'apt', extensions: ['.deb'], max_depth: 0, lock_file: '/var/lock/x', trash: 'xdg' }]);
  });

  it.each([
    ['not an array', { categories: [] }, 'the table must be a JSON array of categories'],
    ['a relative root', [{ ...row, roots: ['cache'] }], 'category 0: every root must be an absolute path'],
    ['no root', [{ ...row, roots: [] }], 'category 0: roots must list 1 to 32 folders'],
    ['a bad id', [{ ...row, id: 'Has Space' }], 'category 0: id must be'],
    ['a duplicate id', [row, row], 'category 1: duplicate id "cache"'],
    ['a negative age', [{ ...row, min_age_days: -1 }], 'category 0: min_age_days must be a number >= 0'],
    ['a string flag', [{ ...row, requires_admin: 'no' }], 'category 0: requires_admin must be true or false'],
    ['an extension without a dot', [{ ...row, extensions: ['deb'] }], 'category 0: extensions must be a list of endings'],
    ['an unknown trash kind', [{ ...row, trash: 'bin' }], 'category 0: trash must be'],
  ])('refuses %s, naming the row', (_name, table, message) => {
    expect(() => parseCategoryTable(JSON.stringify(table))).toThrow(message);
  });
});
