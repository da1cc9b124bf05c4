import { describe, it, expect } from '@jest/globals';
import { anomalyRecord, normalizedRecord, trendRecord } from './pipeline.fixture.js';
import { StressEngine, adaptiveWeights, boostedPressures, diskPressure, memoryPressure, stressLevel } from './stress-engine.js';
import { wireStress } from './wire-rounding.js';

describe('diskPressure', () => {
  it.each([
    [0, 0],
    [100, 8], // r 0.2 → ·40
    [250, 20], // r 0.5
    [375, 35], // r 0.75 → 20 + 0.25·60
    [500, 50], // r 1
    [750, 65], // r 1.5 → 50 + 0.5·30
    [1000, 80], // r 2
    [1500, 90], // r 3 → 80 + 1·10
    [2000, 100], // r 4
    [9000, 100], // capped
  ])('%p ops/s → %p', (ops, pressure) => {
    expect(diskPressure(ops)).toBeCloseTo(pressure, 10);
  });
});

describe('memoryPressure', () => {
  it.each([
    [400, 1000, 0, 0, 60],
    [400, 1000, 0, 10, 64], // + 10·0.4
    [400, 1000, 0, 80, 80], // swap bonus capped at 20
    [20, 1000, 0, 50, 100], // 98 + 20 clamped
    [0, 0, 37.5, 0, 0], // no total: no pressure, as in the earlier engine
  ])('available %p of %p (raw %p%%), swap %p%% → %p', (available, total, raw, swap, pressure) => {
    const memory = { raw, smoothed: raw, used: total - available, available, total, spiking: false };
    expect(memoryPressure(memory, swap)).toBeCloseTo(pressure, 10);
  });
});

describe('adaptiveWeights', () => {
  it.each([
    ['none hot', { cpu: 50, memory: 50, disk: 50 }, { cpu: 0.4, memory: 0.35, disk: 0.25 }],
    ['cpu hot', { cpu: 90, memory: 10, disk: 10 }, { cpu: 0.5 / 1.1, memory: 0.35 / 1.1, disk: 0.25 / 1.1 }],
    ['disk exactly 80', { cpu: 10, memory: 10, disk: 80 }, { cpu: 0.4 / 1.1, memory: 0.35 / 1.1, disk: 0.35 / 1.1 }],
    ['cpu and memory hot', { cpu: 85, memory: 95, disk: 0 }, { cpu: 0.5 / 1.2, memory: 0.45 / 1.2, disk: 0.25 / 1.2 }],
    ['all hot', { cpu: 90, memory: 90, disk: 90 }, { cpu: 0.4, memory: 0.35, disk: 0.25 }],
  ])('%s', (_name, pressures, expected) => {
    const weights = adaptiveWeights(pressures);
    expect(weights.cpu).toBeCloseTo(expected.cpu, 10);
    expect(weights.memory).toBeCloseTo(expected.memory, 10);
    expect(weights.disk).toBeCloseTo(expected.disk, 10);
    expect(weights.cpu + weights.memory + weights.disk).toBeCloseTo(1, 12);
  });
});

describe('stressLevel', () => {
  it.each([
    [0, 'low'],
    [30, 'low'],
    [30.01, 'moderate'],
    [60, 'moderate'],
    [60.01, 'high'],
    [85, 'high'],
    [85.01, 'critical'],
    [100, 'critical'],
  ])('%p is %s', (score, level) => {
    expect(stressLevel(score)).toBe(level);
  });
});

describe('boostedPressures', () => {
  const base = { cpu: 50, memory: 40, disk: 30 };
  it.each([
    ['steady', trendRecord(), anomalyRecord(), base],
    ['cpu growing 0.6 %/s adds slope·10', trendRecord({ cpu_slope: 0.6, is_cpu_growing: true }), anomalyRecord(), { ...base, cpu: 56 }],
    ['cpu growing 6 %/s adds 60, capped at 100', trendRecord({ cpu_slope: 6, is_cpu_growing: true }), anomalyRecord(), { ...base, cpu: 100 }],
    ['memory leaking 0.15 %/s adds slope·20', trendRecord({ memory_slope: 0.15, is_memory_leaking: true }), anomalyRecord(), { ...base, memory: 43 }],
    [
      'a sustained anomaly adds 10 to each metric whose own z is above 2',
      trendRecord(),
      anomalyRecord({ score: 80, is_sustained: true, z_scores: { cpu: 2.01, memory: 2, disk: 3.4 } }),
      { ...base, cpu: 60 }, // memory z exactly 2 is not above; disk gets no boost
    ],
    [
      'a lingering is_sustained with calm z-scores adds nothing',
      trendRecord(),
      anomalyRecord({ score: 0, is_sustained: true, z_scores: { cpu: 0.4, memory: 0, disk: 0 } }),
      base,
    ],
    ['an unsustained anomaly adds nothing', trendRecord(), anomalyRecord({ score: 80, z_scores: { cpu: 3.4, memory: 3, disk: 0 } }), base],
  ])('%s', (_name, trend, anomaly, expected) => {
    const boosted = boostedPressures(base, trend, anomaly);
    expect(boosted.cpu).toBeCloseTo(expected.cpu, 12);
    expect(boosted.memory).toBeCloseTo(expected.memory, 12);
    expect(boosted.disk).toBe(expected.disk);
  });
});

describe('StressEngine', () => {
  const engine = new StressEngine();

  it('reproduces the reference status.json stress block', () => {
    const normalized = normalizedRecord({ cpu: 0.34, memory: 1.4, available: 24921157632, total: 25276518400 });
    expect(wireStress(engine.evaluate(normalized, trendRecord(), anomalyRecord()))).toEqual({
      score: 0.63,
      level: 'low',
      pressures: { cpu: 0.34, memory: 1.41, disk: 0 },
      weights: { cpu: 0.4, memory: 0.35, disk: 0.25 },
    });
  });

  it.each([
    // (0.5·90 + 0.35·50 + 0.35·80) / 1.2 = 75.4167; weights to 3 decimals on the wire
    ['cpu and disk hot', { cpu: 90, memory: 50, diskOps: 1000 }, 75.42, 'high', { cpu: 0.417, memory: 0.292, disk: 0.292 }],
    // all hot: 0.4·90 + 0.35·90 + 0.25·80 = 87.5
    ['all hot', { cpu: 90, memory: 90, diskOps: 1000 }, 87.5, 'critical', { cpu: 0.4, memory: 0.35, disk: 0.25 }],
    // 0.4·20 + 0.35·40 + 0.25·20 = 27
    ['calm', { cpu: 20, memory: 40, diskOps: 250 }, 27, 'low', { cpu: 0.4, memory: 0.35, disk: 0.25 }],
  ])('%s', (_name, input, score, level, weights) => {
    const stress = wireStress(engine.evaluate(normalizedRecord(input), trendRecord(), anomalyRecord()));
    expect(stress).toMatchObject({ score, level, weights });
  });

  it('adds trend pressure before weighting and clamps at 100', () => {
    const trend = trendRecord({ cpu_slope: 0.8, is_cpu_growing: true, memory_slope: 0.5, is_memory_leaking: true });
    const stress = engine.evaluate(normalizedRecord({ cpu: 96, memory: 50 }), trend, anomalyRecord());
    // cpu 96+8 → 100 (hot), memory 50+0.5·20 = 60: (0.5·100 + 0.35·60 + 0) / 1.1 = 64.5455
    expect(stress.pressures).toEqual({ cpu: 100, memory: 60, disk: 0 });
    expect(stress.score).toBeCloseTo(64.5455, 4);
    expect(stress.level).toBe('high');
  });

  it('decides the level on the unrounded score', () => {
    // 0.4·75.0075 = 30.003: "moderate", though the wire's 2 decimals read 30.00
    const stress = engine.evaluate(normalizedRecord({ cpu: 75.0075 }), trendRecord(), anomalyRecord());
    expect(stress.score).toBeCloseTo(30.003, 9);
    expect(stress.level).toBe('moderate');
    expect(wireStress(stress)).toMatchObject({ score: 30, level: 'moderate' });
  });
});
