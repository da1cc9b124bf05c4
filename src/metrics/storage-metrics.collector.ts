import { Inject, Injectable, Logger } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { CLOCK, type Clock } from '../common/clock.js';
import { HistoryStore } from '../history/history.store.js';
import type { HistorySummaryRecord } from '../history/read/history-summary.js';
import { RuntimeStateService } from '../runtime-state/runtime-state.service.js';
import { MetricsRegistry } from './metrics.registry.js';

/**
 * How old a history summary may be when scraped. The summary lists the history folder and stats
 * each day file; at a 1 s scrape interval that would be a directory scan per second for numbers
 * that change once per history sample (30 s by default).
 */
export const HISTORY_SUMMARY_MAX_AGE_MS = 15_000;

/** Datastore gauges: history size, checkpoint age and whether the previous run ended cleanly. */
@Injectable()
export class StorageMetricsCollector {
  private readonly logger = new Logger(StorageMetricsCollector.name);
  private readonly historyBytes: Gauge;
  private readonly historySamples: Gauge;
  private readonly checkpointAge: Gauge;
  private readonly previousRunUnclean: Gauge;
  private summary?: { value: HistorySummaryRecord; atMs: number };
  private pending?: Promise<void>;

  constructor(
    metrics: MetricsRegistry,
    private readonly history: HistoryStore,
    private readonly runtime: RuntimeStateService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const registers = [metrics.registry];
    this.historyBytes = new Gauge({ name: 'sentracore_history_bytes', help: 'Bytes of the history archive (all day files).', registers });
    this.historySamples = new Gauge({ name: 'sentracore_history_samples', help: 'Samples stored in the history archive.', registers });
    this.checkpointAge = new Gauge({
      name: 'sentracore_seconds_since_last_checkpoint',
      help: 'Seconds since the runtime checkpoint was last written (NaN before the first one).',
      registers,
    });
    this.previousRunUnclean = new Gauge({
      name: 'sentracore_previous_run_unclean',
      help: '1 when the previous run did not stop cleanly (crash, kill, power loss), else 0.',
      registers,
    });
  }

  async refresh(): Promise<void> {
    const nowMs = this.clock.nowMs();
    const last = this.runtime.lastCheckpointAt;
    this.checkpointAge.set(last === null ? Number.NaN : Math.max(0, nowMs / 1000 - last));
    this.previousRunUnclean.set(this.runtime.previousRunUnclean ? 1 : 0);
    const stale = !this.summary || nowMs - this.summary.atMs >= HISTORY_SUMMARY_MAX_AGE_MS || nowMs < this.summary.atMs;
    // Concurrent scrapes share one scan; a failed scan keeps serving the last good numbers.
    if (stale) await (this.pending ??= this.loadSummary(nowMs).finally(() => (this.pending = undefined)));
    if (this.summary) {
      this.historyBytes.set(this.summary.value.total_bytes);
      this.historySamples.set(this.summary.value.total_samples);
    }
  }

  private async loadSummary(nowMs: number): Promise<void> {
    try {
      this.summary = { value: await this.history.summary(), atMs: nowMs };
    } catch (error) {
      this.logger.warn({ message: `history summary for /metrics: ${String(error)}` });
    }
  }
}
