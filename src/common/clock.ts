export const CLOCK = Symbol('CLOCK');

/** The engine's only source of time, so tests can drive it. */
export interface Clock {
  /** Milliseconds since the Unix epoch: the wall clock, which an operator, NTP or a bad CMOS can move. */
  nowMs(): number;
  /**
   * Milliseconds on a clock that only moves forward at a steady rate, from an arbitrary origin:
   * cooldowns and intervals run on it, and comparing it with `nowMs` reveals wall-clock jumps.
   */
  monotonicMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now(), monotonicMs: () => performance.now() };
