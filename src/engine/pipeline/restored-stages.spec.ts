import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { restoredStages } from './restored-stages.js';

const RUNTIME = new URL('../../../test/fixtures/reference-datastore/state/runtime.json', import.meta.url);
const reference = JSON.parse(readFileSync(RUNTIME, 'utf8')) as Record<string, Record<string, unknown>>;
const STAGES = ['stress', 'stability', 'anomaly', 'prediction', 'normalized'] as const;

describe('restoredStages', () => {
  it.each(STAGES)("accepts the earlier engine's checkpointed %s as it is", (stage) => {
    const raw = reference[`last_${stage}`];
    expect(restoredStages[stage](raw)).toBe(raw);
  });

  it('refuses a partial stage, the kind a hand-edited file leaves', () => {
    expect(restoredStages.stress({ score: 12 })).toBeNull();
    expect(restoredStages.normalized({ ...reference.last_normalized, cpu: { raw: 1, smoothed: 1 } })).toBeNull();
  });

  it('refuses a level or state outside its enum, and numbers that are not finite', () => {
    expect(restoredStages.stress({ ...reference.last_stress, level: 'extreme' })).toBeNull();
    expect(restoredStages.stability({ ...reference.last_stability, state: 7 })).toBeNull();
    expect(restoredStages.anomaly({ ...reference.last_anomaly, score: '3' })).toBeNull();
    expect(restoredStages.prediction({ ...reference.last_prediction, risk_score: null })).toBeNull();
  });

  it('takes null ETAs (nothing projected) but not missing ones', () => {
    const { memory_exhaustion_eta_sec: _dropped, ...withoutEta } = reference.last_prediction;
    expect(restoredStages.prediction({ ...reference.last_prediction, memory_exhaustion_eta_sec: null, cpu_critical_eta_sec: null })).not.toBeNull();
    expect(restoredStages.prediction(withoutEta)).toBeNull();
  });

  it('refuses what is not an object', () => {
    for (const raw of [null, undefined, 3, 'x', []]) expect(restoredStages.stability(raw)).toBeNull();
  });
});
