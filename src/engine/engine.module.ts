import { Module } from '@nestjs/common';
import { HistoryModule } from '../history/history.module.js';
import { PreferencesModule } from '../preferences/preferences.module.js';
import { RuntimeStateModule } from '../runtime-state/runtime-state.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { TelemetryModule } from '../telemetry/telemetry.module.js';
import { BaselineStore } from './baseline.store.js';
import { EngineDeps } from './engine-deps.js';
import { EngineEvents } from './engine-events.js';
import { EngineJobs } from './engine-jobs.js';
import { EngineLifecycle } from './engine-lifecycle.js';
import { EngineService } from './engine.service.js';
import { HealthController } from './health.controller.js';
import { LiveClients } from './live-clients.js';
import { StateController } from './state.controller.js';
import { StatusController } from './status.controller.js';
import { StorageController } from './storage.controller.js';

@Module({
  imports: [StorageModule, TelemetryModule, HistoryModule, RuntimeStateModule, PreferencesModule],
  controllers: [HealthController, StatusController, StateController, StorageController],
  providers: [BaselineStore, EngineEvents, EngineDeps, EngineService, EngineJobs, EngineLifecycle, LiveClients],
  exports: [EngineService, EngineEvents, LiveClients, EngineJobs],
})
export class EngineModule {}
