export const STABILITY_STATES = ['stable', 'degraded', 'critical'] as const;
export type StabilityState = (typeof STABILITY_STATES)[number];

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

/**
 * One headline number: stress counts most, then risk ahead, then how unusual things look.
 * Takes the full-precision scores and gives a full-precision record (see wireStability).
 */
export class StabilityCalculator {
  calculate(stressScore: number, riskScore: number, anomalyScore: number): StabilityRecord {
    const stress = stressScore * 0.5;
    const risk = riskScore * 0.3;
    const anomaly = anomalyScore * 0.2;
    // Floor 1, not 0: a score of 0 reads as "no data" on the dashboard.
    const score = Math.max(1, 100 - (stress + risk + anomaly));
    return {
      score,
      state: stabilityState(score),
      components: { stress_penalty: stress, risk_penalty: risk, anomaly_penalty: anomaly },
    };
  }
}
