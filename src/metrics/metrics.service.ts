import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock.js';
import { EngineMetricsCollector } from './engine-metrics.collector.js';
import { spellSpecialValues } from './exposition.js';
import { MetricsRegistry } from './metrics.registry.js';
import { StorageMetricsCollector } from './storage-metrics.collector.js';

// Values change once per cycle (2 s by default) and Prometheus scrapes every few seconds, so one
// rendering may serve every scrape within this window: a burst of scrapes then costs one render.
const RENDER_TTL_MS = 500;

/** Renders this engine's registry in the Prometheus text exposition format. */
@Injectable()
export class MetricsService {
  private cached?: { text: Promise<string>; atMs: number };

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly engine: EngineMetricsCollector,
    private readonly storage: StorageMetricsCollector,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  render(): Promise<string> {
    const now = this.clock.nowMs();
    if (this.cached && now - this.cached.atMs < RENDER_TTL_MS) return this.cached.text;
    const text = this.renderNow();
    this.cached = { text, atMs: now };
    text.catch(() => (this.cached = undefined));
    return text;
  }

  private async renderNow(): Promise<string> {
    this.engine.refresh();
    await this.storage.refresh();
    return spellSpecialValues(await this.metrics.registry.metrics());
  }
}
