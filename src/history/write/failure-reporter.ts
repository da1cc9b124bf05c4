import type { Logger } from '@nestjs/common';

const REPEAT_LOG_MS = 60_000;

/**
 * Logs a failing operation at warn with its reason, every time the reason changes and at least once a
 * minute while it keeps failing (with how often it failed meanwhile): never silent, never one line
 * per engine cycle while a disk stays full.
 */
export class FailureReporter {
  private last?: { reason: string; loggedAtMs: number; repeats: number };

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  failed(reason: string, nowMs: number, context: Record<string, unknown> = {}): void {
    const last = this.last;
    if (last && last.reason === reason && nowMs - last.loggedAtMs < REPEAT_LOG_MS) {
      last.repeats++;
      return;
    }
    const repeated = last?.reason === reason ? { repeatedSinceLastLog: last.repeats } : {};
    this.logger.warn({ message: `${this.what}: ${reason}`, ...context, ...repeated });
    this.last = { reason, loggedAtMs: nowMs, repeats: 0 };
  }

  succeeded(): void {
    if (this.last) this.logger.log({ message: `${this.what}: working again` });
    this.last = undefined;
  }
}
