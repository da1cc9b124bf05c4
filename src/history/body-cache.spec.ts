import { describe, expect, it } from '@jest/globals';
import { BodyCache } from './body-cache.js';
import type { DayColumns } from './day-columns.js';
import { acceptsGzip } from './history-body.js';
import type { HistorySummaryRecord } from './history-summary.js';

const summary = (total_samples: number): HistorySummaryRecord =>
  ({ directory: '/d/history', retention_days: 30, min_interval_sec: 30, files: ['samples-2026-11-27.jsonl'], total_bytes: total_samples * 600, total_samples }) as HistorySummaryRecord;

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

  it('serves the stored buffer itself and evicts the least recently used past 8 entries', () => {
    const cache = new BodyCache();
    const bodies = Array.from({ length: 9 }, (_, i) => Buffer.from(`body ${i}`));
    bodies.slice(0, 8).forEach((body, i) => cache.set(`k${i}`, body));
    expect(cache.get('k0')).toBe(bodies[0]);
    cache.set('k8', bodies[8]);
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k0')).toBe(bodies[0]);
    expect(cache.get('k8')).toBe(bodies[8]);
  });

  it('keeps at most 16 MB of bodies', () => {
    const cache = new BodyCache();
    cache.set('a', Buffer.alloc(10 * 1024 * 1024));
    cache.set('b', Buffer.alloc(10 * 1024 * 1024));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.length).toBe(10 * 1024 * 1024);
    cache.set('huge', Buffer.alloc(17 * 1024 * 1024));
    expect(cache.get('huge')).toBeUndefined();
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
