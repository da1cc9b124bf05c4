import { Logger } from '@nestjs/common';

/**
 * One recurring job's tick: never overlaps itself (a slow run skips the next tick instead of piling up)
 * and catches every error, because intervals added to the SchedulerRegistry get no error wrapping.
 */
export class IntervalJob {
  private readonly logger: Logger;
  private running?: Promise<void>;

  constructor(
    readonly name: string,
    private readonly work: () => Promise<unknown> | unknown,
  ) {
    this.logger = new Logger(name);
  }

  readonly tick = (): void => {
    if (this.running) {
      this.logger.warn({ message: 'previous run still in progress; skipping this tick' });
      return;
    }
    this.running = (async () => {
      try {
        await this.work();
      } catch (error) {
        this.logger.error(error instanceof Error ? error : new Error(String(error)));
      } finally {
        this.running = undefined;
      }
    })();
  };

  /** Resolves when the current run (if any) finishes; used at shutdown. */
  async idle(): Promise<void> {
    await this.running;
  }
}
