import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { naiveQuery, readArchive } from '../../../test/history-naive.js';
import { nodeFs } from '../../storage/fs.port.js';
import { HistoryCatalogue } from '../index/history-catalogue.js';
import { dayOfAt, encodeSample, fileNameOfDay, type HistorySampleRecord } from '../write/history-line.codec.js';
import { HISTORY_AGGS } from './history-query.js';
import { HistoryReader } from './history-reader.js';
import { DEFAULT_TUNING } from './history-selection.js';

const DAY0 = Date.parse('2026-11-26T00:00:00Z') / 1000;
const centi = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);

const sampleArb = (at: number): fc.Arbitrary<HistorySampleRecord> =>
  fc.record({
    at: fc.constant(at),
    cpu_percent: fc.option(centi(100), { nil: null, freq: 8 }),
    mem_percent: centi(100),
    disk_pressure_percent: centi(100),
    stability_score: fc.option(centi(100), { nil: null, freq: 8 }),
    stress_score: fc.option(centi(100), { nil: null, freq: 5 }),
    top_processes: fc.array(
      fc.record({ name: fc.constantFrom('a.exe', 'b', 'ü.exe'), pid: fc.nat(5000), cpu_percent: centi(50), mem_percent: centi(50), impact: centi(99) }),
      { maxLength: 3 },
    ),
  });

/** How a line ends up on disk: as this engine writes it, as the earlier engine did, or damaged. */
const styleArb = fc.constantFrom('canonical', 'canonical', 'canonical', 'canonical', 'python', 'malformed');

function render(sample: HistorySampleRecord, style: string): string {
  if (style === 'canonical') return encodeSample(sample);
  if (style === 'malformed') return encodeSample(sample).slice(0, 25);
  return JSON.stringify(sample)
    .replace(/:/g, ': ')
    .replace(/,"/g, ', "')
    .replace(/"mem_percent": (\d+)([,}])/, '"mem_percent": $1.0$2');
}

// Random instants, or a regular grid (like the engine's), where spacing ties with the granularity.
const atsArb = fc.oneof(
  fc.array(
    fc.integer({ min: 0, max: 3 * 86_400 * 100 - 1 }).map((cs) => DAY0 + cs / 100),
    { minLength: 1, maxLength: 400, size: 'max' },
  ),
  fc
    .tuple(fc.integer({ min: 0, max: 86_400 }), fc.constantFrom(30, 60, 7.5, 3600), fc.integer({ min: 1, max: 400 }))
    .map(([start, step, n]) => Array.from({ length: n }, (_, k) => DAY0 + start + 0.5 + k * step).filter((at) => at < DAY0 + 3 * 86_400)),
);

const archiveArb = atsArb
  .filter((ats) => ats.length > 0)
  .chain((ats) => fc.tuple(fc.tuple(...ats.map((at) => sampleArb(at))), fc.array(styleArb, { minLength: ats.length, maxLength: ats.length })))
  .map(([samples, styles]) => ({ samples, styles }));

const queryArb = fc.record({
  from: fc.integer({ min: -3600, max: 3 * 86_400 + 3600 }).map((s) => DAY0 + s),
  to: fc.integer({ min: -3600, max: 3 * 86_400 + 3600 }).map((s) => DAY0 + s),
  granularity: fc.oneof(
    fc.constant(0),
    fc.constantFrom(30, 60, 90, 3600, 7.5),
    fc.integer({ min: 1, max: 20_000 }),
    fc.double({ min: 0.5, max: 5000, noNaN: true }),
  ),
  limit: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
  agg: fc.constantFrom(...HISTORY_AGGS),
  sortDays: fc.boolean(),
  // Small chunks and an eager disk path, so every way of producing lines is exercised on small archives.
  tuning: fc.constantFrom(DEFAULT_TUNING, { chunkBytes: 4096, maxSkipLines: 2, diskMinLines: 3 }, { chunkBytes: 1, maxSkipLines: 0, diskMinLines: 1 }),
});

describe('HistoryReader against a naive full scan', () => {
  it('returns exactly what reading and filtering every line would, for any archive and query', async () => {
    await fc.assert(
      fc.asyncProperty(archiveArb, queryArb, async ({ samples, styles }, query) => {
        const dir = await mkdtemp(join(tmpdir(), 'sc-history-reader-'));
        try {
          const files = new Map<string, string[]>();
          const order = samples.map((s, k) => ({ s, style: styles[k] }));
          if (query.sortDays) order.sort((a, b) => a.s.at - b.s.at);
          for (const { s, style } of order) files.set(dayOfAt(s.at), [...(files.get(dayOfAt(s.at)) ?? []), render(s, style)]);
          for (const [day, lines] of files) await writeFile(join(dir, fileNameOfDay(day)), `${lines.join('\n')}\n`);

          const reader = new HistoryReader(
            nodeFs,
            new HistoryCatalogue(nodeFs, dir),
            { directory: dir, retentionDays: 30, sampleIntervalSec: 30 },
            query.tuning,
          );
          const { selection, summary } = await reader.select(query, DAY0);
          const got: HistorySampleRecord[] = [];
          for await (const batch of selection.sampleBatches()) got.push(...batch);

          const all = readArchive(dir);
          const fromSec = Math.min(query.from, query.to);
          const toSec = Math.max(query.from, query.to);
          expect(got).toEqual(naiveQuery(all, { fromSec, toSec, granularitySec: query.granularity, limit: query.limit, agg: query.agg }));
          expect(summary.total_samples).toBe(all.length);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 100 },
    );
  }, 300_000);
});
