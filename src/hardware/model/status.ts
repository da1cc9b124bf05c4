// The earlier engine's status vocabulary and its aggregation order (docs/extras.md "Hardware health").

export type HealthStatus = 'healthy' | 'warning' | 'critical' | 'unknown';

export const HEALTH_STATUSES: readonly HealthStatus[] = ['healthy', 'unknown', 'warning', 'critical'];

// healthy < unknown < warning < critical; a string outside the vocabulary ranks like unknown.
const RANK: Record<string, number> = { healthy: 0, unknown: 1, warning: 2, critical: 3 };
const rank = (status: string): number => RANK[status] ?? 1;

/** The worst of `statuses` (the first of equals, so an unrecognised string is kept as it was); `unknown` for none. */
export function worstStatus(statuses: readonly string[]): string {
  let worst: string | undefined;
  for (const status of statuses) if (worst === undefined || rank(status) > rank(worst)) worst = status;
  return worst ?? 'unknown';
}

/** `current` raised to `candidate` when that is worse (never lowered). */
export const raise = (current: HealthStatus, candidate: HealthStatus): HealthStatus => (rank(candidate) > rank(current) ? candidate : current);
