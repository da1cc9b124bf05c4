import { describe, it, expect } from '@jest/globals';
import { StabilityCalculator, stabilityState } from './stability-calculator.js';
import { wireStability } from './wire-rounding.js';

describe('StabilityCalculator', () => {
  const calculator = new StabilityCalculator();

  it.each([
    // the reference status.json and runtime.json values
    [0.63, 0, 0, { score: 99.7, state: 'stable', components: { stress_penalty: 0.3, risk_penalty: 0, anomaly_penalty: 0 } }],
    [31.37, 0, 1.04, { score: 84.1, state: 'stable', components: { stress_penalty: 15.7, risk_penalty: 0, anomaly_penalty: 0.2 } }],
    [40, 0, 0, { score: 80, state: 'stable', components: { stress_penalty: 20, risk_penalty: 0, anomaly_penalty: 0 } }],
    [40, 1, 0, { score: 79.7, state: 'degraded', components: { stress_penalty: 20, risk_penalty: 0.3, anomaly_penalty: 0 } }],
    [80, 50, 25, { score: 40, state: 'degraded', components: { stress_penalty: 40, risk_penalty: 15, anomaly_penalty: 5 } }],
    [80, 50, 30, { score: 39, state: 'critical', components: { stress_penalty: 40, risk_penalty: 15, anomaly_penalty: 6 } }],
    [100, 100, 100, { score: 1, state: 'critical', components: { stress_penalty: 50, risk_penalty: 30, anomaly_penalty: 20 } }],
    // 100 − 20.01 = 79.99: degraded, decided before the wire rounds it to 80.0
    [40.02, 0, 0, { score: 80, state: 'degraded', components: { stress_penalty: 20, risk_penalty: 0, anomaly_penalty: 0 } }],
  ])('stress %p, risk %p, anomaly %p', (stress, risk, anomaly, expected) => {
    expect(wireStability(calculator.calculate(stress, risk, anomaly))).toEqual(expected);
  });

  it.each([
    [100, 'stable'],
    [80, 'stable'],
    [79.9, 'degraded'],
    [40, 'degraded'],
    [39.9, 'critical'],
    [1, 'critical'],
  ])('score %p is %s', (score, state) => {
    expect(stabilityState(score)).toBe(state);
  });
});
