import { describe, expect, it } from '@jest/globals';
import type { BigIntStats } from 'node:fs';
import { changedSince } from './file-check.js';

const NOW = Date.UTC(2026, 0, 10);
const DAY = 86_400_000;
const candidate = { path: '/r/cache/a.bin', size: 10, mtimeMs: NOW - 3 * DAY, ctimeMs: NOW - 3 * DAY, dev: 1n, ino: 42n };
const stats = (over: Partial<{ dev: bigint; ino: bigint; size: bigint; mtimeMs: bigint; ctimeMs: bigint; file: boolean; link: boolean }> = {}) =>
  ({
    dev: over.dev ?? 1n,
    ino: over.ino ?? 42n,
    size: over.size ?? 10n,
    mtimeMs: over.mtimeMs ?? BigInt(candidate.mtimeMs),
    ctimeMs: over.ctimeMs ?? BigInt(candidate.ctimeMs),
    isFile: () => over.file ?? true,
    isSymbolicLink: () => over.link ?? false,
  }) as unknown as BigIntStats;
const rule = { min_age_days: 1, recentMs: 300_000 };

describe('changedSince: the delete-time re-verification', () => {
  it.each([
    ['the very file, still old enough', stats(), rule, null],
    ['gone', null, rule, 'gone'],
    ['now a symlink', stats({ link: true, file: false }), rule, 'no longer a regular file'],
    ['another inode', stats({ ino: 43n }), rule, 'replaced by another file'],
    ['another device', stats({ dev: 2n }), rule, 'replaced by another file'],
    ['grown', stats({ size: 11n }), rule, 'changed since the scan'],
    ['touched', stats({ mtimeMs: BigInt(NOW - DAY) }), rule, 'changed since the scan'],
    ['chmod / relinked (ctime)', stats({ ctimeMs: BigInt(NOW - 2 * DAY) }), rule, 'changed since the scan'],
    ['the age rule no longer met', stats(), { min_age_days: 5, recentMs: 0 }, 'rule no longer met (young)'],
  ])('%s', (_name, now, fileRule, expected) => {
    expect(changedSince(candidate, now as BigIntStats | null, fileRule, NOW)).toBe(expected);
  });

  it('a lock file or one changed in the last minutes is never deleted', () => {
    const recent = { ...candidate, mtimeMs: NOW - 1000, ctimeMs: NOW - 1000 };
    const now = stats({ mtimeMs: BigInt(recent.mtimeMs), ctimeMs: BigInt(recent.ctimeMs) });
    expect(changedSince(recent, now, { min_age_days: 0, recentMs: 300_000 }, NOW)).toBe('rule no longer met (recent)');
    expect(changedSince({ ...candidate, path: '/r/cache/lock' }, stats(), rule, NOW)).toBe('rule no longer met (lock)');
  });
});
