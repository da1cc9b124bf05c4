import { describe, expect, it } from '@jest/globals';
import type { DayFile } from '../index/history-catalogue.js';
import { dayBefore, filesToPrune, futureFilesToPrune, lastCurrentDay } from './history-retention.js';

const file = (day: string, size = 100): DayFile => ({ name: `samples-${day}.jsonl`, day, path: `/h/samples-${day}.jsonl`, size, mtimeMs: 0 });
const NOW = Date.parse('2026-11-27T10:00:00Z');
const names = (files: DayFile[]) => files.map((f) => f.day);

describe('history retention', () => {
  it('keeps today and the retention_days before it, deleting older days', () => {
    expect(dayBefore(NOW, 30)).toBe('2026-10-28');
    const files = ['2026-10-26', '2026-10-27', '2026-10-28', '2026-11-27'].map((d) => file(d));
    expect(names(filesToPrune(files, NOW, 30, 0))).toEqual(['2026-10-26', '2026-10-27']);
  });

  it.each([
    [1, ['2026-11-25']],
    [2, []],
  ])('with retention %p days deletes %p', (days, expected) => {
    const files = ['2026-11-25', '2026-11-26', '2026-11-27'].map((d) => file(d));
    expect(names(filesToPrune(files, NOW, days, 0))).toEqual(expected);
  });

  it('with max bytes deletes the oldest remaining days until the archive fits', () => {
    const files = [file('2026-11-24', 400), file('2026-11-25', 300), file('2026-11-26', 200), file('2026-11-27', 100)];
    expect(names(filesToPrune(files, NOW, 30, 0))).toEqual([]);
    expect(names(filesToPrune(files, NOW, 30, 1000))).toEqual([]);
    expect(names(filesToPrune(files, NOW, 30, 600))).toEqual(['2026-11-24']);
    expect(names(filesToPrune(files, NOW, 30, 300))).toEqual(['2026-11-24', '2026-11-25']);
  });

  it('never deletes the newest day, even when it alone is over max bytes', () => {
    const files = [file('2026-11-26', 500), file('2026-11-27', 500)];
    expect(names(filesToPrune(files, NOW, 30, 10))).toEqual(['2026-11-26']);
  });

  it('applies both rules: expired days first, then size', () => {
    const files = [file('2026-01-01', 50), file('2026-11-25', 300), file('2026-11-26', 300), file('2026-11-27', 300)];
    expect(names(filesToPrune(files, NOW, 30, 700))).toEqual(['2026-01-01', '2026-11-25']);
  });

  it('future files: after tomorrow; deleted when the clock of this run had reached them, or over a year ahead of a plausible clock', () => {
    expect(lastCurrentDay(NOW)).toBe('2026-11-28');
    const future = ['2026-11-29', '2027-01-06', '2027-12-01', '2099-01-01'].map((d) => file(d));
    // The clock never went ahead: only the clearly bogus one goes.
    expect(names(futureFilesToPrune(future, NOW, NOW))).toEqual(['2027-12-01', '2099-01-01']);
    // This run's clock had reached 2027-01-06 (+40 days) and came back.
    expect(names(futureFilesToPrune(future, NOW, Date.parse('2027-01-06T03:00:00Z')))).toEqual(['2026-11-29', '2027-01-06', '2027-12-01', '2099-01-01']);
    // A wall clock before 2025 (a dead CMOS battery) deletes nothing as bogus.
    const cmos = Date.UTC(1970, 0, 2);
    expect(names(futureFilesToPrune(future, cmos, cmos))).toEqual([]);
  });
});
