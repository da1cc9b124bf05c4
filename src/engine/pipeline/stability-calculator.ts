import { round } from './math.js';

export type StabilityState = 'stable' | 'degraded' | 'critical';

// SPEC §5 "Stability".
export interface StabilityRecord {
  score: number;
  state: StabilityState;
  components: { stress_penalty: number; risk_penalty: number; anomaly_penalty: number };
}

export function stabilityState(score: number): StabilityState {
  if (score >= 80) return 'stable';
  if (score >= 40) return 'degraded';
  return 'critical';
}

/** One headline number: stress counts most, then risk ahead, then how unusual things look. */
export class StabilityCalculator {
  calculate(stressScore: number, riskScore: number, anomalyScore: number): StabilityRecord {
    const stress = 0.5 * stressScore;
    const risk = 0.3 * riskScore;
    const anomaly = 0.2 * anomalyScore;
    // Floor 1, not 0: a score of 0 reads as "no data" on the dashboard.
    const score = round(Math.max(1, 100 - (stress + risk + anomaly)), 1);
    return {
      score,
      state: stabilityState(score),
      components: { stress_penalty: round(stress, 1), risk_penalty: round(risk, 1), anomaly_penalty: round(anomaly, 1) },
    };
  }
}
