import { Module } from '@nestjs/common';
import { StorageModule } from '../storage/storage.module.js';
import { HistoryExportService } from './export/history-export.service.js';
import { HistoryController } from './history.controller.js';
import { HistoryStore } from './history.store.js';
import { ReportsController } from './export/reports.controller.js';
import { RetentionJob } from './retention/retention.job.js';

/** SPEC §6 history archive. Exports only the store: the engine appends to it and reads its summary. */
@Module({
  imports: [StorageModule],
  controllers: [HistoryController, ReportsController],
  providers: [HistoryStore, HistoryExportService, RetentionJob],
  exports: [HistoryStore],
})
export class HistoryModule {}
