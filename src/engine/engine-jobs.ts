import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob, type IntervalJobTiming } from '../common/interval-job.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { EngineService } from './engine.service.js';

/**
 * The engine's two recurring jobs: the SPEC §5 cycle every SENTRACORE_COLLECTION_INTERVAL_SEC and the
 * SPEC §7 runtime checkpoint every SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC. Scheduled when the app
 * has bootstrapped; stopped by EngineLifecycle.
 */
@Injectable()
export class EngineJobs implements OnApplicationBootstrap {
  static readonly CYCLE = 'sentracore.engine.cycle';
  static readonly CHECKPOINT = 'sentracore.engine.checkpoint';
  private readonly cycle: IntervalJob;
  private readonly checkpoint: IntervalJob;

  constructor(
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    private readonly registry: SchedulerRegistry,
    engine: EngineService,
  ) {
    this.cycle = new IntervalJob(EngineJobs.CYCLE, () => engine.runCycle(), options.sampling.collectionIntervalSec * 1000);
    this.checkpoint = new IntervalJob(EngineJobs.CHECKPOINT, () => engine.checkpoint(false), options.checkpoint.intervalSec * 1000);
  }

  onApplicationBootstrap(): void {
    if (!this.options.sampling.enabled) return;
    this.cycle.schedule(this.registry);
    this.checkpoint.schedule(this.registry);
  }

  /** How punctually sampling runs: lag behind the collection interval, skipped ticks, last cycle's duration. */
  cycleTiming(): IntervalJobTiming {
    return this.cycle.timing();
  }

  /** Stops both jobs and waits for a run in progress (a cycle, a checkpoint write) to finish. */
  async stop(): Promise<void> {
    await Promise.all([this.cycle.unschedule(this.registry), this.checkpoint.unschedule(this.registry)]);
  }
}
