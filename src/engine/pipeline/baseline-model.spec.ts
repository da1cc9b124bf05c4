import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { BaselineModel, segmentOf, type BaselineSample } from './baseline-model.js';

const FIXTURE = new URL('../../../test/fixtures/reference-datastore/state/baseline.json', import.meta.url);
const at = (iso: string): number => Date.parse(iso) / 1000;
const sample = (cpu: number, memory = 50, disk = 10): BaselineSample => ({ cpu_percent: cpu, memory_percent: memory, disk_ops_per_sec: disk });

describe('BaselineModel', () => {
  // Jest runs with TZ=UTC, so the local hour is the UTC hour here.
  it.each([
    ['2026-03-01T00:00:00Z', 'night'],
    ['2026-03-01T05:59:59Z', 'night'],
    ['2026-03-01T06:00:00Z', 'morning'],
    ['2026-03-01T11:59:59Z', 'morning'],
    ['2026-03-01T12:00:00Z', 'afternoon'],
    ['2026-03-01T17:30:00Z', 'afternoon'],
    ['2026-03-01T18:00:00Z', 'evening'],
    ['2026-03-01T23:59:59Z', 'evening'],
  ])('%s is in the %s segment', (iso, segment) => {
    expect(segmentOf(at(iso))).toBe(segment);
  });

  it('updates global and the sample time segment only', () => {
    const model = new BaselineModel();
    model.update(at('2026-03-01T13:00:00Z'), sample(10, 40, 0));
    model.update(at('2026-03-01T14:00:00Z'), sample(30, 60, 100));
    const record = model.toRecord();
    // sample std-dev: √((10² + 10²) / 1) = 14.1421, √((50² + 50²) / 1) = 70.7107
    expect(record.global.cpu_percent).toEqual({ count: 2, mean: 20, std_dev: 14.1421, min: 10, max: 30 });
    expect(record.afternoon.disk_ops_per_sec).toEqual({ count: 2, mean: 50, std_dev: 70.7107, min: 0, max: 100 });
    expect(record.morning.memory_percent).toEqual({ count: 0, mean: 0, std_dev: 0, min: null, max: null });
    expect(model.sampleCount).toBe(2);
  });

  it('is ready after 60 samples', () => {
    const model = new BaselineModel();
    for (let i = 0; i < 59; i += 1) model.update(i, sample(i));
    expect(model.ready).toBe(false);
    model.update(59, sample(59));
    expect(model.ready).toBe(true);
    expect(model.toStatusRecord()).toMatchObject({ ready: true, sample_count: 60, min_samples_required: 60 });
  });

  it('reset forgets everything', () => {
    const model = new BaselineModel();
    model.update(0, sample(5));
    model.reset();
    expect(model.sampleCount).toBe(0);
    expect(model.toRecord().night.cpu_percent.count).toBe(0);
  });

  it('loads the reference baseline.json with its counts, means and std-devs', () => {
    const raw: unknown = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const model = BaselineModel.fromRecord(raw);
    expect(model.sampleCount).toBe(1650);
    expect(model.ready).toBe(true);
    expect(model.toRecord()).toEqual(raw);
    expect(model.stats('morning', 'disk_ops_per_sec').stdDev).toBeCloseTo(193.4421, 10);
  });

  it('keeps learning correctly from the reference baseline', () => {
    const model = BaselineModel.fromRecord(JSON.parse(readFileSync(FIXTURE, 'utf8')));
    // n=1650, mean 24.7417, sample σ 11.0481 → adding 100 gives mean 24.7417+75.2583/1651 = 24.787283,
    // M2 = 11.0481²·1649 + 75.2583·(100−24.787283) = 201277.78 + 5660.39 → σ = √(206938.17/1650) = 11.198983
    model.update(at('2026-03-01T08:00:00Z'), sample(100, 55.1842, 47.65));
    const cpu = model.toRecord().global.cpu_percent;
    expect(cpu).toEqual({ count: 1651, mean: 24.7873, std_dev: 11.199, min: 6.7835, max: 100 });
    expect(model.toRecord().global.memory_percent.std_dev).toBe(2.9343);
    expect(model.toRecord().night.cpu_percent.count).toBe(0);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a file with bad segments', { global: 'x', night: { cpu_percent: { count: 'a' } } }],
  ])('loads %s as an empty baseline', (_name, raw) => {
    const model = BaselineModel.fromRecord(raw);
    expect(model.sampleCount).toBe(0);
    expect(model.toRecord().global.cpu_percent).toEqual({ count: 0, mean: 0, std_dev: 0, min: null, max: null });
  });

  it('keeps the good parts of a partly damaged file', () => {
    const model = BaselineModel.fromRecord({ global: { cpu_percent: { count: 70, mean: 20, std_dev: 2, min: 10, max: 30 } } });
    expect(model.stats('global', 'cpu_percent').count).toBe(70);
    expect(model.stats('global', 'memory_percent').count).toBe(0);
  });
});
