import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from './clock.js';

/** Wall and monotonic clocks disagreeing by more than this between two readings is a jump ("a few minutes"). */
export const CLOCK_JUMP_MS = 5 * 60_000;
/** Retention trusts the wall clock again once it ran in step with the monotonic clock this long after a jump. */
export const CLOCK_STABLE_MS = 60 * 60_000;
const PENDING_MAX = 20;

/** One detected jump of the wall clock. */
export interface ClockJump {
  /** Wall-clock time after the jump, unix seconds. */
  at: number;
  /** How far the wall clock moved beyond the time that passed: > 0 forward, < 0 back. */
  offset_sec: number;
}

/**
 * Watches the wall clock against the monotonic clock (each engine cycle, and before each prune), so
 * nothing destroys data on the strength of a wall-clock jump. A jump is logged (`clock_jump`), queued
 * for the engine's events, and holds history retention until the clock has been stable for an hour.
 * A laptop suspend also reads as a forward jump (the monotonic clock stops): it only delays retention.
 */
@Injectable()
export class ClockWatch {
  private readonly logger = new Logger(ClockWatch.name);
  private lastWallMs: number;
  private lastMonoMs: number;
  private lastJumpMonoMs?: number;
  private peakWall: number;
  private latest: ClockJump | null = null;
  private pending: ClockJump[] = [];

  constructor(@Inject(CLOCK) readonly clock: Clock) {
    this.lastWallMs = clock.nowMs();
    this.lastMonoMs = clock.monotonicMs();
    this.peakWall = this.lastWallMs;
  }

  nowMs(): number {
    return this.clock.nowMs();
  }

  monotonicMs(): number {
    return this.clock.monotonicMs();
  }

  /** Compares both clocks with the previous reading; returns the jump found now, if any. */
  observe(): ClockJump | null {
    const wall = this.clock.nowMs();
    const mono = this.clock.monotonicMs();
    const offsetMs = wall - this.lastWallMs - (mono - this.lastMonoMs);
    this.lastWallMs = wall;
    this.lastMonoMs = mono;
    this.peakWall = Math.max(this.peakWall, wall);
    if (!(Math.abs(offsetMs) > CLOCK_JUMP_MS)) return null;
    const jump: ClockJump = { at: wall / 1000, offset_sec: Math.round(offsetMs / 1000) };
    this.lastJumpMonoMs = mono;
    this.latest = jump;
    this.pending = [...this.pending, jump].slice(-PENDING_MAX);
    this.logger.warn({ message: 'clock_jump: the wall clock moved against the monotonic clock; history retention is held', ...jump });
    return jump;
  }

  /** Jumps found since the last call (the engine logs them as `clock_jump` events). */
  takeJumps(): ClockJump[] {
    const jumps = this.pending;
    this.pending = [];
    return jumps;
  }

  /** The newest jump of this run, or null. */
  get lastJump(): ClockJump | null {
    return this.latest;
  }

  /** True when no jump was seen in the last CLOCK_STABLE_MS of monotonic time (checks the clocks first). */
  stable(): boolean {
    this.observe();
    return this.lastJumpMonoMs === undefined || this.clock.monotonicMs() - this.lastJumpMonoMs >= CLOCK_STABLE_MS;
  }

  /** The latest wall-clock time this run has seen (a day file up to it may have been written by this run's clock). */
  get peakWallMs(): number {
    return this.peakWall;
  }
}
