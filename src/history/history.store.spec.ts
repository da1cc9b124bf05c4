import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../common/manual-clock.fixture.js';
import { ClockWatch } from '../common/clock-watch.js';
import { resolveOptions } from '../config/resolve-options.js';
import type { SentraCoreModuleOptions } from '../config/sentra-core-options.js';
import { DatastorePaths } from '../storage/datastore-paths.js';
import { nodeFs, type FsPort } from '../storage/fs.port.js';
import { StorageHealth } from '../storage/storage-health.js';
import { encodeSample, type HistorySampleRecord } from './write/history-line.codec.js';
import { HistoryStore } from './history.store.js';

const T0 = Date.parse('2026-11-27T10:00:00Z') / 1000;
const sample = (at: number, over: Partial<HistorySampleRecord> | number = {}): HistorySampleRecord => ({
  at,
  cpu_percent: typeof over === 'number' ? over : 12.345,
  mem_percent: 60,
  disk_pressure_percent: 5,
  stability_score: 90,
  stress_score: 30,
  top_processes: [{ name: 'node.exe', pid: 7, cpu_percent: 3.333, mem_percent: 1, impact: 4 }],
  ...(typeof over === 'number' ? {} : over),
});

let dir: string;
let stores: HistoryStore[] = [];
let warn: ReturnType<typeof jest.spyOn>;

async function open(
  options: { fs?: FsPort; clock?: ManualClock; history?: SentraCoreModuleOptions['history']; collectionIntervalSec?: number } = {},
): Promise<{ store: HistoryStore; health: StorageHealth; clock: ManualClock; historyDir: string }> {
  const resolved = resolveOptions({
    dataDir: dir,
    sampling: { enabled: false, collectionIntervalSec: options.collectionIntervalSec },
    history: options.history,
  });
  const paths = new DatastorePaths(resolved);
  await paths.ensureLayout();
  const clock = options.clock ?? new ManualClock(T0 * 1000);
  const health = new StorageHealth();
  const store = new HistoryStore(resolved, new ClockWatch(clock), options.fs ?? nodeFs, paths, health);
  stores.push(store);
  await store.onApplicationBootstrap();
  return { store, health, clock, historyDir: paths.historyDir() };
}

const day = (name: string) => readFile(join(dir, 'history', `samples-${name}.jsonl`), 'utf8');
const ats = (samples: HistorySampleRecord[]) => samples.map((s) => s.at);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sc-history-store-'));
  warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
});

afterEach(async () => {
  await Promise.all(stores.map((s) => s.flush()));
  stores = [];
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('HistoryStore append', () => {
  it('writes one line per sample, in the SPEC format, into the file of its UTC day', async () => {
    const { store } = await open();
    expect(await store.append(sample(T0))).toBe(true);
    expect(await store.append(sample(T0 + 30))).toBe(true);
    expect(await store.append(sample(Date.parse('2026-11-28T00:00:05Z') / 1000))).toBe(true);
    const lines = (await day('2026-11-27')).split('\n');
    expect(lines).toEqual([encodeSample(sample(T0)), encodeSample(sample(T0 + 30)), '']);
    expect(JSON.parse(lines[0])).toEqual({
      ...sample(T0),
      cpu_percent: 12.35,
      top_processes: [{ name: 'node.exe', pid: 7, cpu_percent: 3.33, mem_percent: 1, impact: 4 }],
    });
    expect((await day('2026-11-28')).split('\n')).toHaveLength(2);
  });

  it('debounces to the sample interval within a run, less half a collection interval (2 s)', async () => {
    const { store } = await open({ history: { sampleIntervalSec: 30 } });
    const results = [];
    for (const offset of [0, 2, 28.99, 29, 45, 60]) results.push(await store.append(sample(T0 + offset)));
    expect(results).toEqual([true, false, false, true, false, true]);
    expect(ats(await store.query({ from: T0 - 1, to: T0 + 100 }))).toEqual([T0, T0 + 29, T0 + 60]);
  });

  it('debounces across a restart: the first sample after start respects the last stored one', async () => {
    const first = await open();
    await first.store.append(sample(T0));
    await first.store.flush();
    const second = await open();
    expect(await second.store.append(sample(T0 + 10))).toBe(false);
    expect(await second.store.append(sample(T0 + 30))).toBe(true);
  });

  it('records again at once after the clock jumped back by more than an interval', async () => {
    const { store } = await open();
    await store.append(sample(T0 + 3600));
    expect(await store.append(sample(T0 + 3590))).toBe(false);
    expect(await store.append(sample(T0))).toBe(true);
    expect(ats(await store.query({ from: T0 - 1, to: T0 + 4000 }))).toEqual([T0, T0 + 3600]);
  });

  it('repairs a torn last line at start, so the next sample starts on its own line', async () => {
    await mkdir(join(dir, 'history'), { recursive: true });
    const torn = encodeSample(sample(T0 + 30)).slice(0, 40);
    await writeFile(join(dir, 'history', 'samples-2026-11-27.jsonl'), `${encodeSample(sample(T0))}\n${torn}`);
    const { store } = await open();
    expect(await day('2026-11-27')).toBe(`${encodeSample(sample(T0))}\n${torn}\n`);
    expect(await store.append(sample(T0 + 60))).toBe(true);
    expect(ats(await store.query({ from: T0 - 1, to: T0 + 100 }))).toEqual([T0, T0 + 60]);
  });

  it('repairs a tail torn underneath it before appending to that file', async () => {
    const { store } = await open();
    await store.append(sample(T0));
    await appendFile(join(dir, 'history', 'samples-2026-11-27.jsonl'), '{"at":17957');
    expect(await store.append(sample(T0 + 30))).toBe(true);
    expect((await day('2026-11-27')).split('\n')).toEqual([encodeSample(sample(T0)), '{"at":17957', encodeSample(sample(T0 + 30)), '']);
    expect(ats(await store.query({ from: T0 - 1, to: T0 + 100 }))).toEqual([T0, T0 + 30]);
  });

  it('never throws into the caller: a failed write is logged at warn with the reason and reported to StorageHealth', async () => {
    const failing: FsPort = {
      ...nodeFs,
      appendFile: (() => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))) as FsPort['appendFile'],
    };
    const { store, health } = await open({ fs: failing });
    await expect(store.append(sample(T0))).resolves.toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('EACCES: permission denied') }));
    expect(health.writable).toBe(false);
    expect(health.lastErrorMessage).toContain('EACCES');
    await expect(store.append(sample(Number.NaN))).resolves.toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('not a finite number') }));
  });

  it('recovers once writes work again, and recreates history/ deleted while running', async () => {
    const { store, health } = await open();
    await rm(join(dir, 'history'), { recursive: true });
    expect(await store.append(sample(T0))).toBe(true);
    expect(health.writable).toBe(true);
    expect(await day('2026-11-27')).toBe(`${encodeSample(sample(T0))}\n`);
  });
});

// Issue 21 item 13a: cycles come a little early or late; a sample is due within half a collection interval.
describe('HistoryStore cadence', () => {
  it.each([
    [1, 1, 30, 30],
    [30, 2, 300, 20],
    [10, 2, 100, 20],
  ])('history every %i s, cycles every %i s: %i cycles with jitter store %i samples', async (sampleIntervalSec, collectionIntervalSec, cycles, stored) => {
    const { store } = await open({ history: { sampleIntervalSec }, collectionIntervalSec });
    let at = T0;
    const kept: number[] = [];
    for (let i = 0; i < cycles; i++) {
      // A timer tick lands up to 10 ms early or late: 0.99 s, 1.01 s, ... apart.
      at += collectionIntervalSec + (i % 2 === 0 ? -0.01 : 0.01);
      if (await store.append(sample(at))) kept.push(i);
    }
    expect(kept).toHaveLength(stored);
    // Every (sampleIntervalSec / collectionIntervalSec)-th cycle.
    const step = sampleIntervalSec / collectionIntervalSec;
    expect(kept).toEqual(Array.from({ length: stored }, (_, k) => k * step));
  });
});

describe('HistoryStore query', () => {
  it('skips malformed lines, in answers and in the summary', async () => {
    await mkdir(join(dir, 'history'), { recursive: true });
    const lines = [encodeSample(sample(T0)), 'garbage', '{"at":"x"}', encodeSample(sample(T0 + 30)), '', '[1]', encodeSample(sample(T0 + 60))];
    await writeFile(join(dir, 'history', 'samples-2026-11-27.jsonl'), `${lines.join('\n')}\n`);
    const { store } = await open();
    expect(ats(await store.query({ from: T0 - 1, to: T0 + 100 }))).toEqual([T0, T0 + 30, T0 + 60]);
    expect(await store.summary()).toMatchObject({ files: ['samples-2026-11-27.jsonl'], total_samples: 3, retention_days: 30, min_interval_sec: 30 });
  });

  it('filters by inclusive bounds, swaps from > to, and defaults to the 24 h before the clock', async () => {
    const { store, clock } = await open({ history: { sampleIntervalSec: 2 } });
    for (let k = 0; k < 10; k++) await store.append(sample(T0 + k * 10));
    expect(ats(await store.query({ from: T0 + 10, to: T0 + 30 }))).toEqual([T0 + 10, T0 + 20, T0 + 30]);
    expect(ats(await store.query({ from: T0 + 30, to: T0 + 10 }))).toEqual([T0 + 10, T0 + 20, T0 + 30]);
    clock.set((T0 + 86_400 + 20) * 1000);
    expect(ats(await store.query({}))).toEqual([T0 + 20, T0 + 30, T0 + 40, T0 + 50, T0 + 60, T0 + 70, T0 + 80, T0 + 90]);
    expect(ats(await store.query({ to: T0 + 15 }))).toEqual([T0, T0 + 10]);
  });

  it('downsamples (first, then ≥ g after the last kept) and keeps the most recent N', async () => {
    const { store } = await open({ history: { sampleIntervalSec: 2 } });
    for (const offset of [0, 10, 25, 30, 44, 60, 62, 90]) await store.append(sample(T0 + offset));
    const range = { from: T0, to: T0 + 100 };
    expect(ats(await store.query({ ...range, granularity: 30 }))).toEqual([T0, T0 + 30, T0 + 60, T0 + 90]);
    expect(ats(await store.query({ ...range, granularity: 20 }))).toEqual([T0, T0 + 25, T0 + 60, T0 + 90]);
    expect(ats(await store.query({ ...range, limit: 3 }))).toEqual([T0 + 60, T0 + 62, T0 + 90]);
    expect(ats(await store.query({ ...range, granularity: 30, limit: 2 }))).toEqual([T0 + 60, T0 + 90]);
  });

  it('answers a range across midnight UTC from both day files, in time order', async () => {
    const { store } = await open();
    const midnight = Date.parse('2026-11-28T00:00:00Z') / 1000;
    for (const at of [midnight - 90, midnight - 30, midnight, midnight + 30]) await store.append(sample(at));
    expect(ats(await store.query({ from: midnight - 60, to: midnight + 60 }))).toEqual([midnight - 30, midnight, midnight + 30]);
    expect((await store.summary()).files).toEqual(['samples-2026-11-27.jsonl', 'samples-2026-11-28.jsonl']);
  });

  it.each([
    [
      'avg',
      [
        { at: T0 - 600, cpu: 15, stress: 20, pid: 2 },
        { at: T0, cpu: 40, stress: 50, pid: 3 },
      ],
    ],
    [
      'min',
      [
        { at: T0 - 600, cpu: 10, stress: 10, pid: 1 },
        { at: T0, cpu: 40, stress: 50, pid: 3 },
      ],
    ],
    [
      'max',
      [
        { at: T0 - 600, cpu: 20, stress: 30, pid: 2 },
        { at: T0, cpu: 40, stress: 50, pid: 3 },
      ],
    ],
  ] as const)('agg=%s aggregates each metric per bucket, stamped with the bucket start', async (agg, expected) => {
    const { store } = await open();
    // T0 is 10:00 UTC: with 600 s buckets, 09:50 holds the first three samples and 10:00 the last one.
    const rows = [
      { at: T0 - 90, cpu: 10, stress: 10, pid: 1 },
      { at: T0 - 60, cpu: 20, stress: 30, pid: 2 },
      { at: T0 - 30, cpu: 15, stress: null, pid: 4 },
      { at: T0 + 210, cpu: 40, stress: 50, pid: 3 },
    ];
    for (const r of rows)
      await store.append(
        sample(r.at, { cpu_percent: r.cpu, stress_score: r.stress, top_processes: [{ name: 'p', pid: r.pid, cpu_percent: 1, mem_percent: 1, impact: 1 }] }),
      );
    const got = await store.query({ from: T0 - 600, to: T0 + 600, granularity: 600, agg });
    expect(got.map((s) => ({ at: s.at, cpu: s.cpu_percent, stress: s.stress_score, pid: s.top_processes[0].pid }))).toEqual(
      expected.map((e) => ({ ...e, at: e.at })),
    );
    expect(got[0]).toMatchObject({ mem_percent: 60, disk_pressure_percent: 5, stability_score: 90 });
  });
});

describe('HistoryStore query edge cases', () => {
  it('keeps the answer valid JSON for absurd granularities and values', async () => {
    const { store } = await open();
    await store.append(sample(T0, 1e300));
    await store.append(sample(T0 + 30, 1e300));
    for (const granularity of [1e-300, 5e-324, 1e300]) {
      const got = await store.query({ from: T0 - 1, to: T0 + 99, granularity, agg: 'avg' });
      expect(got.every((s) => Number.isFinite(s.at))).toBe(true);
    }
    const [bucket] = await store.query({ from: T0 - 1, to: T0 + 99, granularity: 3600, agg: 'avg' });
    expect(bucket.cpu_percent === null || Number.isFinite(bucket.cpu_percent)).toBe(true);
  });
});

describe('HistoryStore retention and clear', () => {
  async function seedDays(days: string[], extra: string[] = []) {
    await mkdir(join(dir, 'history'), { recursive: true });
    for (const d of days) await writeFile(join(dir, 'history', `samples-${d}.jsonl`), `${encodeSample(sample(Date.parse(`${d}T12:00:00Z`) / 1000))}\n`);
    for (const name of extra) await writeFile(join(dir, 'history', name), 'keep me');
  }
  const listing = async () => (await readdir(join(dir, 'history'))).sort();
  const others = ['notes.txt', 'samples-2020-01-01.jsonl.bak', 'samples-latest.jsonl'];

  it('deletes only day files older than the retention', async () => {
    await seedDays(['2026-10-27', '2026-10-28', '2026-11-27'], others);
    const { store } = await open({ history: { retentionDays: 30 } });
    expect(await store.prune()).toEqual({ files_removed: 1, bytes_freed: expect.any(Number), files: ['samples-2026-10-27.jsonl'] });
    expect(await listing()).toEqual([...others, 'samples-2026-10-28.jsonl', 'samples-2026-11-27.jsonl'].sort());
  });

  it('with max bytes deletes the oldest days until the archive fits', async () => {
    await seedDays(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'], others);
    const lineBytes = Buffer.byteLength(`${encodeSample(sample(T0))}\n`);
    const { store } = await open({ history: { maxBytes: lineBytes * 2 } });
    expect((await store.prune()).files).toEqual(['samples-2026-11-24.jsonl', 'samples-2026-11-25.jsonl']);
    expect((await store.summary()).files).toEqual(['samples-2026-11-26.jsonl', 'samples-2026-11-27.jsonl']);
    expect(await listing()).toEqual(expect.arrayContaining(others));
  });

  it('prunes when an appended sample starts a new UTC day', async () => {
    await seedDays(['2026-10-20']);
    const { store, clock } = await open({ history: { retentionDays: 30 } });
    await store.append(sample(T0));
    expect(await listing()).toContain('samples-2026-10-20.jsonl');
    clock.set(Date.parse('2026-11-28T00:00:10Z'));
    await store.append(sample(Date.parse('2026-11-28T00:00:10Z') / 1000));
    await store.summary(); // queued behind the rollover prune
    await store.prune();
    expect(await listing()).toEqual(['samples-2026-11-27.jsonl', 'samples-2026-11-28.jsonl']);
  });

  it('clear deletes every sample file and nothing else; the next sample is stored at once', async () => {
    await seedDays(['2026-11-26', '2026-11-27'], others);
    const { store } = await open();
    await store.append(sample(T0 + 3600));
    expect(await store.clear()).toBe(2);
    expect(await listing()).toEqual(others.sort());
    expect(await store.query({ from: 0, to: T0 * 2 })).toEqual([]);
    expect(await store.append(sample(T0 + 3601))).toBe(true);
  });
});

// Issue 21 items 2 and 13b: a clock that was ahead (or a planted folder) leaves future-dated day files.
describe('HistoryStore future-dated day files', () => {
  it('5,000 future files are left out of reads and of the summary (no stat per read), and reported', async () => {
    await mkdir(join(dir, 'history'), { recursive: true });
    await writeFile(join(dir, 'history', 'samples-2026-11-27.jsonl'), `${encodeSample(sample(T0))}\n`);
    for (let d = 2; d < 5002; d++) {
      const at = T0 + d * 86_400;
      await writeFile(join(dir, 'history', `samples-${new Date(at * 1000).toISOString().slice(0, 10)}.jsonl`), `${encodeSample(sample(at))}\n`);
    }
    const { store } = await open();
    expect((await store.summary()).files).toEqual(['samples-2026-11-27.jsonl']);
    expect(ats(await store.query({ from: T0 - 10, to: T0 + 6000 * 86_400 }))).toEqual([T0]);
    const future = store.futureHistory();
    expect(future.files).toHaveLength(5000);
    expect(future.retention_held).toBe(false);
  });

  it('a clock that jumped holds retention; the prune runs with the first sample after an hour of stable clock', async () => {
    await mkdir(join(dir, 'history'), { recursive: true });
    await writeFile(join(dir, 'history', 'samples-2026-10-01.jsonl'), `${encodeSample(sample(Date.parse('2026-10-01T12:00:00Z') / 1000))}\n`);
    const { store, clock } = await open({ history: { retentionDays: 30 } });
    clock.jumpWall(40 * 86_400_000);
    await store.append(sample(clock.nowMs() / 1000));
    await store.prune();
    expect((await readdir(join(dir, 'history'))).sort()).toEqual(['samples-2026-10-01.jsonl', 'samples-2027-01-06.jsonl']);
    expect(store.futureHistory().retention_held).toBe(true);
    clock.jumpWall(-40 * 86_400_000);
    await store.append(sample(clock.nowMs() / 1000));
    // The day changed, so that append started a prune in the background; this one runs after it. Both see
    // the clock come back: still held.
    expect(await store.prune()).toEqual({ files_removed: 0, bytes_freed: 0, files: [] });
    expect((await readdir(join(dir, 'history'))).length).toBe(3);
    clock.advance(3600_000);
    await store.append(sample(clock.nowMs() / 1000));
    // The append itself starts the held prune (no explicit call): expired (57 days old by a stable clock)
    // and the future file this run's clock had written both go.
    const listing = async () => (await readdir(join(dir, 'history'))).sort();
    for (let i = 0; i < 200 && (await listing()).length > 1; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await listing()).toEqual(['samples-2026-11-27.jsonl']);
  });
});

describe('HistoryStore index', () => {
  it('sees a file changed underneath it (appended, rewritten, deleted, added)', async () => {
    const { store } = await open();
    await store.append(sample(T0));
    const file = join(dir, 'history', 'samples-2026-11-27.jsonl');
    expect(ats(await store.query({ from: T0 - 1, to: T0 + 999 }))).toEqual([T0]);
    await appendFile(file, `${encodeSample(sample(T0 + 100))}\n`);
    expect(ats(await store.query({ from: T0 - 1, to: T0 + 999 }))).toEqual([T0, T0 + 100]);
    await writeFile(file, `${encodeSample(sample(T0 + 5))}\n`);
    expect(ats(await store.query({ from: T0 - 1, to: T0 + 999 }))).toEqual([T0 + 5]);
    await writeFile(join(dir, 'history', 'samples-2026-11-26.jsonl'), `${encodeSample(sample(T0 - 86_400))}\n`);
    expect(ats(await store.query({ from: T0 - 90_000, to: T0 + 999 }))).toEqual([T0 - 86_400, T0 + 5]);
    await rm(file);
    expect(ats(await store.query({ from: T0 - 90_000, to: T0 + 999 }))).toEqual([T0 - 86_400]);
  });

  it('extends the index with its own appends instead of re-reading the file', async () => {
    const opened: string[] = [];
    const spying: FsPort = {
      ...nodeFs,
      open: ((path: string, ...rest: unknown[]) => (opened.push(String(path)), (nodeFs.open as (...a: unknown[]) => unknown)(path, ...rest))) as FsPort['open'],
    };
    const { store } = await open({ fs: spying });
    await store.append(sample(T0));
    await store.query({ from: T0 - 1, to: T0 + 1 });
    await store.append(sample(T0 + 30));
    opened.length = 0;
    // Two sparse picks are rebuilt from memory: no file is opened at all.
    expect(ats(await store.query({ from: T0 - 1, to: T0 + 99, granularity: 1 }))).toEqual([T0, T0 + 30]);
    expect(opened).toEqual([]);
  });

  it('answers correctly while the archive is still being indexed, without delaying start-up', async () => {
    await mkdir(join(dir, 'history'), { recursive: true });
    const days = ['2026-11-25', '2026-11-26', '2026-11-27'];
    for (const d of days) {
      const base = Date.parse(`${d}T00:00:00Z`) / 1000;
      await writeFile(join(dir, 'history', `samples-${d}.jsonl`), Array.from({ length: 2880 }, (_, k) => `${encodeSample(sample(base + k * 30))}\n`).join(''));
    }
    let slowReads = 0;
    const slow: FsPort = {
      ...nodeFs,
      open: (async (...args: Parameters<FsPort['open']>) => {
        const handle = await nodeFs.open(...args);
        const read = handle.read.bind(handle) as (...a: unknown[]) => Promise<unknown>;
        (handle as unknown as { read: unknown }).read = async (...a: unknown[]) => (slowReads++, await new Promise((r) => setTimeout(r, 5)), read(...a));
        return handle;
      }) as FsPort['open'],
    };
    const started = performance.now();
    const { store } = await open({ fs: slow });
    expect(performance.now() - started).toBeLessThan(1000);
    const [recent, all] = await Promise.all([store.query({ from: T0 - 3600, to: T0 }), store.query({ from: 0, to: T0 * 2, granularity: 3600 })]);
    expect(recent).toHaveLength(121);
    expect(all).toHaveLength(72);
    expect(slowReads).toBeGreaterThan(0);
  });
});
