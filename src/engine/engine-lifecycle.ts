import { Injectable, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import { HistoryStore } from '../history/history.store.js';
import { RetentionJob } from '../history/retention.job.js';
import { StorageInitializer } from '../storage/storage-initializer.js';
import { EngineJobs } from './engine-jobs.js';
import { EngineService } from './engine.service.js';

/**
 * The engine's clean stop (SPEC §7) as one sequence, in the order the datastore needs: nothing writes
 * after the lock is released, and the final checkpoint (last_clean_shutdown: true) comes after the last
 * cycle. The order is in stop(), not in Nest's module depth; docs/lifecycle.md has the whole picture.
 */
@Injectable()
export class EngineLifecycle implements BeforeApplicationShutdown, OnApplicationShutdown {
  private jobsStopped?: Promise<void>;
  private stopped?: Promise<void>;

  constructor(
    private readonly jobs: EngineJobs,
    private readonly retention: RetentionJob,
    private readonly engine: EngineService,
    private readonly history: HistoryStore,
    private readonly storage: StorageInitializer,
  ) {}

  /** Before the HTTP server closes: no cycle starts while it drains (the rest waits for open requests). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stopJobs();
  }

  /** After the HTTP server closed, so no request writes behind the final checkpoint or after the lock. */
  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Idempotent: a second call waits for the first. */
  stop(): Promise<void> {
    this.stopped ??= this.runStop();
    return this.stopped;
  }

  private async runStop(): Promise<void> {
    await this.stopJobs(); // 1. stop the jobs and 2. wait for the cycle (or checkpoint) in progress
    this.engine.stop(); // no cycle runs after this, even one called directly
    await this.engine.persistBaseline(); // 3. what the baseline learned
    await this.engine.finalCheckpoint(); // 4. last_clean_shutdown: true
    await this.history.flush(); // 5. queued history writes and the background indexing
    await this.storage.release(); // 6. the single-writer lock, last
  }

  private stopJobs(): Promise<void> {
    this.jobsStopped ??= Promise.all([this.jobs.stop(), this.retention.stop()]).then(() => undefined);
    return this.jobsStopped;
  }
}
