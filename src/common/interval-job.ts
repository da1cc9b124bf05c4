import { Logger } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { asError } from './as-error.js';

/** How punctually an interval job runs; all durations in ms. */
export interface IntervalJobTiming {
  /** Runs started. */
  runs: number;
  /** Ticks skipped because the previous run was still going. */
  skipped: number;
  /** How late the latest tick fired after the one before it plus the period (event-loop delay), or how long it waited behind a skipped tick. */
  lastLagMs: number;
  maxLagMs: number;
  /** How long the latest finished run took. */
  lastRunMs: number;
}

/**
 * One recurring job's tick: never overlaps itself (a slow run skips the next tick instead of piling up)
 * and catches every error, because intervals added to the SchedulerRegistry get no error wrapping.
 * Given its period, it also measures how far behind schedule each run starts.
 */
export class IntervalJob {
  private readonly logger: Logger;
  private running?: Promise<void>;
  private dueAtMs?: number;
  private readonly stats: IntervalJobTiming = { runs: 0, skipped: 0, lastLagMs: 0, maxLagMs: 0, lastRunMs: 0 };

  constructor(
    readonly name: string,
    private readonly work: () => Promise<unknown> | unknown,
    private readonly periodMs?: number,
  ) {
    this.logger = new Logger(name);
  }

  readonly tick = (): void => {
    const startMs = performance.now();
    if (this.running) {
      this.stats.skipped++;
      this.logger.warn({ message: 'previous run still in progress; skipping this tick' });
      return;
    }
    // Due one period after the previous run started (as setInterval re-arms); a skipped tick adds a whole period.
    if (this.periodMs !== undefined) {
      const lagMs = this.dueAtMs === undefined ? 0 : Math.max(0, startMs - this.dueAtMs);
      this.stats.lastLagMs = lagMs;
      this.stats.maxLagMs = Math.max(this.stats.maxLagMs, lagMs);
      this.dueAtMs = startMs + this.periodMs;
    }
    this.stats.runs++;
    this.running = (async () => {
      try {
        await this.work();
      } catch (error) {
        this.logger.error(asError(error));
      } finally {
        this.stats.lastRunMs = performance.now() - startMs;
        this.running = undefined;
      }
    })();
  };

  /** A copy of the punctuality counters (lag is measured only when the period was given). */
  timing(): IntervalJobTiming {
    return { ...this.stats };
  }

  /** Resolves when the current run (if any) finishes; used at shutdown. */
  async idle(): Promise<void> {
    await this.running;
  }

  /** Ticks every period through the host's SchedulerRegistry, under the job's name. */
  schedule(registry: SchedulerRegistry): void {
    if (this.periodMs === undefined) throw new Error(`interval job ${this.name} has no period to schedule`);
    registry.addInterval(this.name, setInterval(this.tick, this.periodMs));
  }

  /** Stops the ticks and waits for a run in progress, so shutdown writes come after it. */
  async unschedule(registry: SchedulerRegistry): Promise<void> {
    if (registry.doesExist('interval', this.name)) registry.deleteInterval(this.name);
    await this.idle();
  }
}
