import type { Clock } from './clock.js';

/** A clock tests move by hand: the wall and the monotonic clock together, or the wall clock alone (a jump). */
export class ManualClock implements Clock {
  private monoMs = 0;
  constructor(private currentMs = Date.UTC(2026, 0, 1)) {}
  nowMs(): number {
    return this.currentMs;
  }
  monotonicMs(): number {
    return this.monoMs;
  }
  /** Time passes until the wall clock reads `ms` (both clocks move; backwards moves only the wall clock). */
  set(ms: number): void {
    if (ms > this.currentMs) this.monoMs += ms - this.currentMs;
    this.currentMs = ms;
  }
  /** `ms` of time pass: both clocks move. */
  advance(ms: number): void {
    this.currentMs += ms;
    this.monoMs += ms;
  }
  /** The wall clock alone is moved by `ms` (forward or back), as by an operator or a bad time sync. */
  jumpWall(ms: number): void {
    this.currentMs += ms;
  }
}
