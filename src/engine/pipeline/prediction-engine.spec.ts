import { describe, it, expect } from '@jest/globals';
import { normalizedRecord, trendRecord } from './pipeline.fixture.js';
import { PredictionEngine, etaSec, riskScore } from './prediction-engine.js';
import { wirePrediction } from './wire-rounding.js';

describe('etaSec', () => {
  it.each([
    [60, 98, 0.1, 0.05, 380], // (98 − 60) / 0.1
    [60, 98, 0.05, 0.05, null], // not above the threshold
    [60, 98, -1, 0.05, null],
    [98, 98, 0.2, 0.05, null], // already there: nothing left to count down
    [99.5, 98, 0.2, 0.05, null],
    [50, 95, 0.15, 0.1, 300],
  ])('usage %p → %p at %p %%/s (min %p) = %p', (usage, target, slope, minSlope, eta) => {
    const value = etaSec(usage, target, slope, minSlope);
    if (eta === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(eta, 10);
  });
});

describe('riskScore', () => {
  it.each([
    [null, null, 50, 50, 0],
    [59.9, null, 50, 50, 80], // memory ETA under a minute
    [60, null, 50, 50, 40], // under 5 minutes
    [299.9, null, 50, 50, 40],
    [300, null, 50, 50, 10], // leaking, but slowly
    [null, 29.9, 50, 50, 60], // cpu ETA under 30 s
    [null, 30, 50, 50, 30], // under 2 minutes
    [null, 120, 50, 50, 0], // 2 minutes or more: no cpu risk
    [200, 100, 50, 50, 70], // 40 + 30
    [null, null, 90, 90, 0], // usage must be above 90
    [null, null, 90.01, 50, 40],
    [null, null, 50, 90.01, 30],
    [30, 20, 95, 95, 100], // 80 + 60 + 40 + 30, capped
  ])('memory ETA %p, cpu ETA %p, memory %p%%, cpu %p%% → %p', (memoryEta, cpuEta, memory, cpu, risk) => {
    expect(riskScore(memoryEta, cpuEta, memory, cpu)).toBe(risk);
  });
});

describe('PredictionEngine', () => {
  it('reports nothing for a flat, calm machine (reference status.json)', () => {
    const prediction = new PredictionEngine().predict(normalizedRecord({ cpu: 0.34, memory: 1.4 }), trendRecord({ cpu_slope: 0.0002 }));
    expect(prediction).toEqual({ memory_exhaustion_eta_sec: null, cpu_critical_eta_sec: null, risk_score: 0 });
  });

  it('projects from the EMA (α 0.2) of the slopes, not the latest slope', () => {
    const engine = new PredictionEngine();
    const normalized = normalizedRecord({ cpu: 50, memory: 80 });
    // first cycle seeds the EMA: memory 0.04 %/s is under 0.05 → no ETA
    expect(engine.predict(normalized, trendRecord({ memory_slope: 0.04 })).memory_exhaustion_eta_sec).toBeNull();
    // 0.2·0.44 + 0.8·0.04 = 0.12 %/s → (98 − 80) / 0.12 = 150 s: under 5 minutes, risk 40
    expect(wirePrediction(engine.predict(normalized, trendRecord({ memory_slope: 0.44 })))).toEqual({
      memory_exhaustion_eta_sec: 150,
      cpu_critical_eta_sec: null,
      risk_score: 40,
    });
  });

  it('is seeded once: a zero first slope damps the next one instead of being replaced by it', () => {
    const engine = new PredictionEngine();
    const idle = normalizedRecord({ cpu: 10, memory: 40 });
    engine.predict(idle, trendRecord()); // cycle 0: one reading, slope 0
    // 0.2·0.2625 + 0.8·0 = 0.0525 %/s, under 0.1: no cpu ETA (re-seeding at 0 would project (95 − 10) / 0.2625 = 323.8 s)
    expect(engine.predict(idle, trendRecord({ cpu_slope: 0.2625 })).cpu_critical_eta_sec).toBeNull();
  });

  it('projects the cpu ETA to 95 % and rounds it to 0.1 s on the wire', () => {
    const engine = new PredictionEngine();
    // (95 − 60) / 0.3 = 116.67 s: under 2 minutes, risk 30
    expect(wirePrediction(engine.predict(normalizedRecord({ cpu: 60, memory: 40 }), trendRecord({ cpu_slope: 0.3 })))).toEqual({
      memory_exhaustion_eta_sec: null,
      cpu_critical_eta_sec: 116.7,
      risk_score: 30,
    });
  });

  it('gives no ETA when usage is already beyond the target, and the usage risk', () => {
    const prediction = new PredictionEngine().predict(normalizedRecord({ cpu: 97, memory: 99 }), trendRecord({ cpu_slope: 1, memory_slope: 1 }));
    expect(prediction).toEqual({ memory_exhaustion_eta_sec: null, cpu_critical_eta_sec: null, risk_score: 70 }); // 40 + 30
  });
});
