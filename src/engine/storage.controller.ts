import { Get, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, MutatingRoute } from '../common/api-controller.decorator.js';
import { HistoryStore } from '../history/history.store.js';
import { RuntimeStateService } from '../runtime-state/runtime-state.service.js';
import { DiskUsage } from '../storage/disk-usage.js';
import { Migrations } from '../storage/migrations.js';
import { CacheClearDto, StorageInfoDto } from './dto/storage-info.dto.js';

@ApiController('storage', 'storage')
export class StorageController {
  constructor(
    private readonly usage: DiskUsage,
    private readonly migrations: Migrations,
    private readonly history: HistoryStore,
    private readonly runtime: RuntimeStateService,
  ) {}

  @Get('info')
  @ApiOperation({ summary: 'Datastore root, folder sizes, migration result' })
  @ApiOkResponse({ type: StorageInfoDto })
  async info(): Promise<StorageInfoDto> {
    const [usage, history] = await Promise.all([this.usage.summary(), this.history.summary()]);
    const runtime_checkpoint = { path: this.runtime.file, previous_run_unclean: this.runtime.previousRunUnclean };
    return {
      ...usage,
      history,
      runtime_checkpoint,
      migration: this.migrations.lastResult,
      skipped_history_files: await this.history.skippedFiles(),
      future_history: this.history.futureHistory(),
    };
  }

  @Post('cache/clear')
  @MutatingRoute()
  @ApiOperation({ summary: 'Delete every file under cache/ (and nothing else)' })
  @ApiOkResponse({ type: CacheClearDto })
  async clearCache(): Promise<CacheClearDto> {
    return { ok: true, ...(await this.usage.clearCache()) };
  }
}
