import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { HistoryModule } from '../history/history.module.js';
import { RuntimeStateModule } from '../runtime-state/runtime-state.module.js';
import { CycleMetricsCollector } from './cycle-metrics.collector.js';
import { EngineMetricsCollector } from './engine-metrics.collector.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics.registry.js';
import { MetricsService } from './metrics.service.js';
import { StorageMetricsCollector } from './storage-metrics.collector.js';

/** GET /metrics (Prometheus) over a registry private to this app instance. */
@Module({
  imports: [EngineModule, HistoryModule, RuntimeStateModule],
  controllers: [MetricsController],
  providers: [MetricsRegistry, EngineMetricsCollector, CycleMetricsCollector, StorageMetricsCollector, MetricsService],
  exports: [MetricsRegistry],
})
export class MetricsModule {}
