import { describe, expect, it } from '@jest/globals';
import type { IntervalJobTiming } from '../common/interval-job.js';
import type { EngineJobs } from '../engine/engine-jobs.js';
import { CycleMetricsCollector } from './cycle-metrics.collector.js';
import { MetricsRegistry } from './metrics.registry.js';

describe('CycleMetricsCollector', () => {
  it('exports the cycle job timing at each scrape, in seconds', async () => {
    let timing: IntervalJobTiming = { runs: 3, skipped: 0, lastLagMs: 12, maxLagMs: 250, lastRunMs: 40 };
    const metrics = new MetricsRegistry();
    new CycleMetricsCollector(metrics, { cycleTiming: () => timing } as unknown as EngineJobs);
    const lines = async () => (await metrics.registry.metrics()).split('\n').filter((line) => line.startsWith('sentracore_cycle_'));

    expect(await lines()).toEqual([
      'sentracore_cycle_lag_seconds 0.012',
      'sentracore_cycle_lag_max_seconds 0.25',
      'sentracore_cycle_duration_seconds 0.04',
      'sentracore_cycle_skipped_ticks_total 0',
    ]);
    timing = { runs: 5, skipped: 2, lastLagMs: 2000, maxLagMs: 2000, lastRunMs: 2100 };
    expect(await lines()).toEqual([
      'sentracore_cycle_lag_seconds 2',
      'sentracore_cycle_lag_max_seconds 2',
      'sentracore_cycle_duration_seconds 2.1',
      'sentracore_cycle_skipped_ticks_total 2',
    ]);
    metrics.onApplicationShutdown();
  });
});
