import { Injectable } from '@nestjs/common';
import { EngineMetricsCollector } from './engine-metrics.collector.js';
import { MetricsRegistry } from './metrics.registry.js';
import { StorageMetricsCollector } from './storage-metrics.collector.js';

/** Renders this engine's registry in the Prometheus text exposition format, fresh values each scrape. */
@Injectable()
export class MetricsService {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly engine: EngineMetricsCollector,
    private readonly storage: StorageMetricsCollector,
  ) {}

  async render(): Promise<string> {
    this.engine.refresh();
    await this.storage.refresh();
    return this.metrics.registry.metrics();
  }
}
