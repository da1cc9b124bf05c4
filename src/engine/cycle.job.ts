import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob, type IntervalJobTiming } from '../common/interval-job.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { EngineService } from './engine.service.js';

/** Samples and analyses every SENTRACORE_COLLECTION_INTERVAL_SEC; stops first at shutdown. */
@Injectable()
export class CycleJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static readonly NAME = 'sentracore.engine.cycle';
  private readonly job: IntervalJob;

  constructor(
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    private readonly registry: SchedulerRegistry,
    engine: EngineService,
  ) {
    this.job = new IntervalJob(CycleJob.NAME, () => engine.runCycle(), options.sampling.collectionIntervalSec * 1000);
  }

  /** How punctually sampling runs: lag behind the collection interval, skipped ticks, last cycle's duration. */
  timing(): IntervalJobTiming {
    return this.job.timing();
  }

  onApplicationBootstrap(): void {
    if (this.options.sampling.enabled) this.job.schedule(this.registry);
  }

  /** Stop sampling and let a running cycle finish before the final writes (SPEC §7). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.job.unschedule(this.registry);
  }
}
