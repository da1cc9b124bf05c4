import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module.js';
import { HistoryExportService } from './export/history-export.service.js';
import { HistoryController } from './history.controller.js';
import { HistoryStore } from './history.store.js';
import { ReportsController } from './export/reports.controller.js';
import { RetentionJob } from './retention.job.js';

/** SPEC §6 history archive. Exports the store (the engine appends to it and reads its summary) and the retention job (stopped by EngineLifecycle). */
@Module({
  imports: [StorageModule],
  controllers: [HistoryController, ReportsController],
  providers: [HistoryStore, HistoryExportService, RetentionJob],
  exports: [HistoryStore, RetentionJob],
})
export class HistoryModule {}
