import { describe, it, expect } from '@jest/globals';
import { normalizedRecord, trendRecord } from './pipeline.fixture.js';
import { PredictionEngine, etaRisk, etaSec, riskScore } from './prediction-engine.js';

describe('etaSec', () => {
  it.each([
    [60, 98, 0.1, 0.05, 380], // (98 − 60) / 0.1
    [60, 98, 0.05, 0.05, null], // not above the threshold
    [60, 98, -1, 0.05, null],
    [98, 98, 0, 0.05, 0], // already there
    [99.5, 98, 0.2, 0.05, 0],
    [50, 95, 0.15, 0.1, 300],
  ])('usage %p → %p at %p %%/s (min %p) = %p', (usage, target, slope, minSlope, eta) => {
    const value = etaSec(usage, target, slope, minSlope);
    if (eta === null) expect(value).toBeNull();
    else expect(value).toBeCloseTo(eta, 10);
  });
});

describe('etaRisk and riskScore', () => {
  it.each([
    [null, 0],
    [0, 100],
    [150, 75],
    [300, 50],
    [600, 0],
    [3600, 0],
  ])('ETA %p s → risk %p', (eta, risk) => {
    expect(etaRisk(eta, 600)).toBeCloseTo(risk, 10);
  });

  it.each([
    [null, null, 50, 50, 0],
    [300, null, 50, 50, 50],
    [null, 300, 50, 50, 35], // cpu ETA risk weighs 0.7
    [300, 150, 50, 50, 52.5], // max(50, 0.7·75)
    [null, null, 95, 50, 10], // 2 points per percent over 90
    [null, null, 95, 93, 16],
    [150, null, 96, 99, 100], // 75 + 12 + 18 clamped
  ])('memory ETA %p, cpu ETA %p, memory %p%%, cpu %p%% → %p', (memoryEta, cpuEta, memory, cpu, risk) => {
    expect(riskScore(memoryEta, cpuEta, memory, cpu, 600)).toBeCloseTo(risk, 10);
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
    // 0.2·0.44 + 0.8·0.04 = 0.12 %/s → (98 − 80) / 0.12 = 150 s; risk 100·(1 − 150/600) = 75
    expect(engine.predict(normalized, trendRecord({ memory_slope: 0.44 }))).toEqual({
      memory_exhaustion_eta_sec: 150,
      cpu_critical_eta_sec: null,
      risk_score: 75,
    });
  });

  it('projects the cpu ETA to 95 % and rounds to 0.1 s', () => {
    const engine = new PredictionEngine();
    // (95 − 60) / 0.3 = 116.67 s; risk 0.7·100·(1 − 116.67/600) = 56.39
    expect(engine.predict(normalizedRecord({ cpu: 60, memory: 40 }), trendRecord({ cpu_slope: 0.3 }))).toEqual({
      memory_exhaustion_eta_sec: null,
      cpu_critical_eta_sec: 116.7,
      risk_score: 56.39,
    });
  });

  it('reports 0 s when usage is already beyond the target', () => {
    const prediction = new PredictionEngine().predict(normalizedRecord({ cpu: 97, memory: 99 }), trendRecord());
    expect(prediction).toEqual({ memory_exhaustion_eta_sec: 0, cpu_critical_eta_sec: 0, risk_score: 100 });
  });

  it('reset forgets the smoothed slopes', () => {
    const engine = new PredictionEngine();
    engine.predict(normalizedRecord({ memory: 80 }), trendRecord({ memory_slope: 1 }));
    engine.reset();
    expect(engine.predict(normalizedRecord({ memory: 80 }), trendRecord({ memory_slope: 0.01 })).memory_exhaustion_eta_sec).toBeNull();
  });
});
