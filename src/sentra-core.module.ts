import { type DynamicModule, Module } from '@nestjs/common';
import { CleanupModule } from './cleanup/cleanup.module.js';
import { ASYNC_OPTIONS_TYPE, OPTIONS_TYPE } from './config/config.module-definition.js';
import { SentraCoreConfigModule } from './config/sentra-core-config.module.js';
import { EngineModule } from './engine/engine.module.js';
import { HardwareModule } from './hardware/hardware.module.js';
import { HistoryModule } from './history/history.module.js';
import { LiveModule } from './live/live.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { ProcessesModule } from './processes/processes.module.js';
import { RuntimeStateModule } from './runtime-state/runtime-state.module.js';
import { StorageModule } from './storage/storage.module.js';
import { TelemetryModule } from './telemetry/telemetry.module.js';

const FEATURES = [
  StorageModule,
  TelemetryModule,
  HistoryModule,
  RuntimeStateModule,
  EngineModule,
  LiveModule,
  MetricsModule,
  HardwareModule,
  ProcessesModule,
  CleanupModule,
];

/**
 * The whole engine as one importable module. A host app needs `ScheduleModule.forRoot()` and
 * nothing else: no global pipes, no port, no process.exit.
 */
@Module({})
export class SentraCoreModule {
  static forRoot(options: typeof OPTIONS_TYPE = {}): DynamicModule {
    return { module: SentraCoreModule, imports: [SentraCoreConfigModule.forRoot(options), ...FEATURES], exports: FEATURES };
  }

  static forRootAsync(options: typeof ASYNC_OPTIONS_TYPE): DynamicModule {
    return { module: SentraCoreModule, imports: [SentraCoreConfigModule.forRootAsync(options), ...FEATURES], exports: FEATURES };
  }
}
