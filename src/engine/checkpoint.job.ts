import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from '../common/interval-job.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { EngineService } from './engine.service.js';

/** Writes the runtime checkpoint every SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC (SPEC §7). */
@Injectable()
export class CheckpointJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static readonly NAME = 'sentracore.engine.checkpoint';
  private readonly job: IntervalJob;

  constructor(
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    private readonly registry: SchedulerRegistry,
    engine: EngineService,
  ) {
    this.job = new IntervalJob(CheckpointJob.NAME, () => engine.checkpoint(false), options.checkpoint.intervalSec * 1000);
  }

  onApplicationBootstrap(): void {
    if (this.options.sampling.enabled) this.job.schedule(this.registry);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.job.unschedule(this.registry);
  }
}
