import { Module } from '@nestjs/common';
import { CleanupApplyService } from './cleanup-apply.service.js';
import { CleanupCategoriesService } from './cleanup-categories.service.js';
import { CleanupController } from './cleanup.controller.js';
import { CleanupScanService } from './cleanup-scan.service.js';
import { LargeFilesController } from './large-files/large-files.controller.js';
import { LargeFilesService } from './large-files/large-files.service.js';
import { PRIVILEGE, ProcessPrivilege } from './privilege.js';

/**
 * Storage cleanup (scan, preview, apply) and the large-file finder (docs/cleanup.md). Nothing runs
 * until a client asks; tests point the category table at a temp folder (SENTRACORE_CLEANUP_CATEGORIES_FILE)
 * and may override PRIVILEGE.
 */
@Module({
  controllers: [CleanupController, LargeFilesController],
  providers: [{ provide: PRIVILEGE, useClass: ProcessPrivilege }, CleanupCategoriesService, CleanupScanService, CleanupApplyService, LargeFilesService],
  exports: [CleanupScanService, LargeFilesService],
})
export class CleanupModule {}
