import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { EngineJobs } from '../engine/engine-jobs.js';
import { MetricsRegistry } from './metrics.registry.js';

/** How punctually the cycle runs, read from its job at each scrape (bench/load.mjs prints these). */
@Injectable()
export class CycleMetricsCollector {
  constructor(metrics: MetricsRegistry, jobs: EngineJobs) {
    const registers = [metrics.registry];
    const seconds = (name: string, help: string, ms: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(ms() / 1000);
        },
      });
    seconds(
      'sentracore_cycle_lag_seconds',
      'How late the latest cycle started after it was due (event-loop delay, or a skipped tick).',
      () => jobs.cycleTiming().lastLagMs,
    );
    seconds('sentracore_cycle_lag_max_seconds', 'The largest cycle start lag since the engine started.', () => jobs.cycleTiming().maxLagMs);
    seconds('sentracore_cycle_duration_seconds', 'How long the latest finished cycle took.', () => jobs.cycleTiming().lastRunMs);
    new Counter({
      name: 'sentracore_cycle_skipped_ticks_total',
      help: 'Cycle ticks skipped because the previous cycle was still running.',
      registers,
      collect() {
        this.reset();
        this.inc(jobs.cycleTiming().skipped);
      },
    });
  }
}
