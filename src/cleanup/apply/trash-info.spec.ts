import { describe, expect, it } from '@jest/globals';
import { deletionDate, encodeTrashPath, trashInfo, trashName } from './trash-info.js';

describe('freedesktop.org .trashinfo', () => {
  it.each([
    ['/home/u/plain.txt', '/home/u/plain.txt'],
    ['/home/u/my file.txt', '/home/u/my%20file.txt'],
    ['/home/u/ü€.bin', '/home/u/%C3%BC%E2%82%AC.bin'],
    ['/a/100%#?.txt', '/a/100%25%23%3F.txt'],
  ])('Path= escapes %s as %s', (path, encoded) => {
    expect(encodeTrashPath(path)).toBe(encoded);
    expect(decodeURIComponent(encoded)).toBe(path);
  });

  it('DeletionDate is local time without a zone; the file has the spec’s three lines', () => {
    const date = new Date(2026, 0, 2, 3, 4, 5);
    expect(deletionDate(date)).toBe('2026-01-02T03:04:05');
    expect(trashInfo('/home/u/a b', date)).toBe('[Trash Info]\nPath=/home/u/a%20b\nDeletionDate=2026-01-02T03:04:05\n');
  });

  it.each([
    ['/x/report.pdf', 1, 'report.pdf'],
    ['/x/report.pdf', 2, 'report.2.pdf'],
    ['/x/archive', 3, 'archive.3'],
    ['/x/.hidden', 2, '.hidden.2'],
  ])('the n-th name for %s (n=%i) is %s', (path, n, name) => {
    expect(trashName(path, n)).toBe(name);
  });
});
