import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DAY_MS } from '../common/time.js';
import { IntervalJob } from '../common/interval-job.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { HistoryStore } from './history.store.js';

/**
 * History retention (SPEC §6): once at start, daily while sampling runs, and — from the store
 * itself — whenever an appended sample starts a new UTC day. Stopped by EngineLifecycle.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap {
  static readonly NAME = 'sentracore.history.retention';
  private readonly logger = new Logger(RetentionJob.NAME);
  private readonly job: IntervalJob;

  // The registry is required: the engine's own jobs need ScheduleModule.forRoot() in the host anyway.
  constructor(
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    private readonly store: HistoryStore,
    private readonly registry: SchedulerRegistry,
  ) {
    this.job = new IntervalJob(RetentionJob.NAME, () => this.store.prune(), DAY_MS);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.store.prune().catch((error: unknown) => this.logger.warn({ message: `history retention at start: ${String(error)}` }));
    if (this.options.sampling.enabled) this.job.schedule(this.registry);
  }

  /** Stops the daily run and waits for one in progress. */
  async stop(): Promise<void> {
    await this.job.unschedule(this.registry);
  }
}
