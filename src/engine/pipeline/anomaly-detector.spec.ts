import { describe, it, expect } from '@jest/globals';
import { AnomalyDetector, anomalyLevel, anomalyScore } from './anomaly-detector.js';
import type { AnomalySensitivity } from '../../preferences/preferences.record.js';
import { BaselineModel, type BaselineSample } from './baseline-model.js';

const MORNING = Date.parse('2026-03-01T08:00:00Z') / 1000;
const EVENING = Date.parse('2026-03-01T20:00:00Z') / 1000;
const sample = (cpu: number, memory = 50, disk = 10): BaselineSample => ({ cpu_percent: cpu, memory_percent: memory, disk_ops_per_sec: disk });

/** A baseline whose global stats are cpu 20±5, memory 50±2, disk 100±50 (sample σ), all in the morning. */
function trainedBaseline(count = 60): BaselineModel {
  return BaselineModel.fromRecord({
    global: {
      cpu_percent: { count, mean: 20, std_dev: 5 },
      memory_percent: { count, mean: 50, std_dev: 2 },
      disk_ops_per_sec: { count, mean: 100, std_dev: 50 },
    },
    morning: {
      cpu_percent: { count, mean: 30, std_dev: 10 },
      memory_percent: { count, mean: 50, std_dev: 2 },
      disk_ops_per_sec: { count, mean: 100, std_dev: 50 },
    },
  });
}

describe('anomalyScore', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2.5, 50],
    [4, 100],
    [7, 100],
  ])('max z %p scores %p', (z, score) => {
    expect(anomalyScore(z)).toBeCloseTo(score, 10);
  });
});

describe('anomalyLevel', () => {
  it.each<[AnomalySensitivity, number, string]>([
    ['lenient', 39.99, 'normal'],
    ['lenient', 40, 'elevated'],
    ['lenient', 65, 'high'],
    ['lenient', 88, 'severe'],
    ['normal', 29.99, 'normal'],
    ['normal', 30, 'elevated'],
    ['normal', 59.99, 'elevated'],
    ['normal', 60, 'high'],
    ['normal', 85, 'severe'],
    ['strict', 17.99, 'normal'],
    ['strict', 18, 'elevated'],
    ['strict', 42, 'high'],
    ['strict', 69.99, 'high'],
    ['strict', 70, 'severe'],
  ])('%s: score %p is %s', (sensitivity, score, level) => {
    expect(anomalyLevel(score, sensitivity)).toBe(level);
  });
});

describe('AnomalyDetector', () => {
  it('scores z against the time segment once it has 60 samples', () => {
    // morning cpu 30±10: 60 → z 3; memory 54 → z 2; disk 50 → below mean → 0. Score (3−1)·100/3 = 66.67
    const anomaly = new AnomalyDetector().detect(MORNING, sample(60, 54, 50), trainedBaseline(), 'normal');
    expect(anomaly).toEqual({ score: 2 * (100 / 3), level: 'high', z_scores: { cpu: 3, memory: 2, disk: 0 }, is_sustained: false });
  });

  it('falls back to global when the segment has too few samples', () => {
    // evening is empty → global cpu 20±5: 60 → z 8
    const anomaly = new AnomalyDetector().detect(EVENING, sample(60), trainedBaseline(), 'normal');
    expect(anomaly.z_scores.cpu).toBe(8);
    expect(anomaly.score).toBe(100);
  });

  it('uses global when the segment has 59 samples', () => {
    const baseline = trainedBaseline(59);
    baseline.update(EVENING, sample(20, 50, 100)); // global now 60 → ready, morning still 59
    const anomaly = new AnomalyDetector().detect(MORNING, sample(30), baseline, 'normal');
    expect(anomaly.z_scores.cpu).toBeCloseTo(2, 1);
  });

  it.each<[AnomalySensitivity, string]>([
    ['lenient', 'high'],
    ['normal', 'high'],
    ['strict', 'high'],
  ])('levels follow the %s sensitivity at score 66.67', (sensitivity, level) => {
    expect(new AnomalyDetector().detect(MORNING, sample(60), trainedBaseline(), sensitivity).level).toBe(level);
  });

  it.each<[AnomalySensitivity, string]>([
    ['lenient', 'normal'],
    ['normal', 'elevated'],
    ['strict', 'elevated'],
  ])('cpu z 2.05 (score 35) is %s → %s', (sensitivity, level) => {
    const anomaly = new AnomalyDetector().detect(MORNING, sample(50.5), trainedBaseline(), sensitivity);
    expect(anomaly.score).toBe(35);
    expect(anomaly.level).toBe(level);
  });

  it('reports nothing while the baseline is not ready', () => {
    const detector = new AnomalyDetector();
    expect(detector.detect(MORNING, sample(99), trainedBaseline(59), 'strict')).toEqual({
      score: 0,
      level: 'normal',
      z_scores: { cpu: 0, memory: 0, disk: 0 },
      is_sustained: false,
    });
  });

  it('takes a rise above a metric that never varied as z 3, as the earlier engine (test_deviation_detection)', () => {
    const detector = new AnomalyDetector();
    const flat = BaselineModel.fromRecord({
      global: { cpu_percent: { count: 80, mean: 20, std_dev: 0 }, memory_percent: { count: 80, mean: 50, std_dev: 0 } },
    });
    // cpu 99 > 20 with no spread: z 3 → score 66.67; memory 50 = mean: 0; disk has no samples (a partly
    // restored file): no normal to compare with, 0
    const anomaly = detector.detect(EVENING, sample(99, 50, 10), flat, 'strict');
    expect(anomaly.z_scores).toEqual({ cpu: 3, memory: 0, disk: 0 });
    expect(anomaly.score).toBeCloseTo(66.67, 2);
    expect(detector.detect(EVENING, sample(20, 50, 0), flat, 'strict').score).toBe(0);
  });

  it('is sustained after 5 cycles above 50 and the counter decays by 1', () => {
    const detector = new AnomalyDetector();
    const baseline = trainedBaseline();
    const run = (cpus: number[]): boolean[] => cpus.map((cpu) => detector.detect(MORNING, sample(cpu), baseline, 'normal').is_sustained);
    // cpu 60 → score 66.67 (> 50); cpu 30 → score 0
    expect(run([60, 60, 60, 60])).toEqual([false, false, false, false]);
    expect(run([60, 60])).toEqual([true, true]); // counter 5, 6
    expect(run([30, 30, 60])).toEqual([true, false, true]); // 5, 4, 5
    detector.reset();
    expect(run([60])).toEqual([false]);
  });
});
