export const CLOCK = Symbol('CLOCK');

/** The engine's only source of time, so tests can drive it. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };
