import { describe, expect, it } from '@jest/globals';
import { BodyCache } from './body-cache.js';
import type { DayColumns } from '../index/day-columns.js';
import { acceptsGzip } from './history-body.js';
import type { HistorySummaryRecord } from './history-summary.js';

const summary = (total_samples: number): HistorySummaryRecord =>
  ({
    directory: '/d/history',
    retention_days: 30,
    min_interval_sec: 30,
    files: ['samples-2026-11-27.jsonl'],
    total_bytes: total_samples * 600,
    total_samples,
  }) as HistorySummaryRecord;

describe('BodyCache', () => {
  const dayA = {} as DayColumns;
  const dayB = {} as DayColumns;

  it('keys on the picked lines of each indexed day and on the archive summary', () => {
    const cache = new BodyCache();
    const key = cache.key([{ columns: dayA, lo: 0, hi: 10 }], summary(10));
    expect(cache.key([{ columns: dayA, lo: 0, hi: 10 }], summary(10))).toBe(key);
    expect(cache.key([{ columns: dayA, lo: 0, hi: 9 }], summary(10))).not.toBe(key);
    expect(cache.key([{ columns: dayB, lo: 0, hi: 10 }], summary(10))).not.toBe(key);
    // An append elsewhere in the archive changes the summary, so the old body is never served.
    expect(cache.key([{ columns: dayA, lo: 0, hi: 10 }], summary(11))).not.toBe(key);
  });

  const make = (body: Buffer) => {
    const calls = { count: 0 };
    return { calls, fn: async () => (calls.count++, body) };
  };

  it('builds a body once for concurrent and later callers, and evicts the least recently used past 8', async () => {
    const cache = new BodyCache();
    const first = make(Buffer.from('body 0'));
    const [a, b] = await Promise.all([cache.getOrCreate('k0', first.fn), cache.getOrCreate('k0', first.fn)]);
    expect(a).toBe(b);
    expect(first.calls.count).toBe(1);
    for (let i = 1; i < 8; i++) await cache.getOrCreate(`k${i}`, make(Buffer.from(`body ${i}`)).fn);
    await cache.getOrCreate('k0', first.fn); // k0 is now the most recently used
    await cache.getOrCreate('k8', make(Buffer.from('body 8')).fn);
    const again = make(Buffer.from('body 1 again'));
    expect((await cache.getOrCreate('k1', again.fn)).toString()).toBe('body 1 again');
    expect(again.calls.count).toBe(1);
    expect(await cache.getOrCreate('k0', first.fn)).toBe(a);
    expect(first.calls.count).toBe(1);
  });

  it('keeps at most 16 MB of bodies and forgets a failed build', async () => {
    const cache = new BodyCache();
    await cache.getOrCreate('a', async () => Buffer.alloc(10 * 1024 * 1024));
    await cache.getOrCreate('b', async () => Buffer.alloc(10 * 1024 * 1024));
    const rebuilt = make(Buffer.from('a again'));
    expect((await cache.getOrCreate('a', rebuilt.fn)).toString()).toBe('a again');
    await expect(cache.getOrCreate('c', async () => Promise.reject(new Error('disk gone')))).rejects.toThrow('disk gone');
    expect((await cache.getOrCreate('c', async () => Buffer.from('c'))).toString()).toBe('c');
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['identity', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
