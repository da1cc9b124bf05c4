import { Inject, Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../../common/interval-job.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../../config/sentra-core-options.js';
import { HistoryStore } from '../history.store.js';

const DAY_MS = 86_400_000;

/**
 * History retention (SPEC §6): once at start, daily while sampling runs, and — from the store
 * itself — whenever an appended sample starts a new UTC day.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap {
  static readonly NAME = 'sentracore.history.retention';
  private readonly logger = new Logger(RetentionJob.NAME);

  constructor(
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    private readonly store: HistoryStore,
    // Optional: a host that runs the engine without sampling needs no ScheduleModule.
    @Optional() private readonly registry?: SchedulerRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.store.prune().catch((error: unknown) => this.logger.warn({ message: `history retention at start: ${String(error)}` }));
    if (!this.options.sampling.enabled) return;
    if (!this.registry) {
      this.logger.warn({ message: 'ScheduleModule.forRoot() is missing in the host app; daily history retention will not run' });
      return;
    }
    new IntervalJob(RetentionJob.NAME, () => this.store.prune(), DAY_MS).schedule(this.registry);
  }
}
