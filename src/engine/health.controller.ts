import { Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController } from '../common/api-controller.decorator.js';
import { HistoryStore } from '../history/history.store.js';
import { StorageHealth } from '../storage/storage-health.js';
import { HealthDto } from './dto/health.dto.js';
import { LiveClients } from './live-clients.js';

const PROBE_WAIT_MS = 500;

@ApiController('health', 'health')
export class HealthController {
  constructor(
    private readonly clients: LiveClients,
    private readonly storage: StorageHealth,
    private readonly history: HistoryStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness, live-stream clients and datastore writability' })
  @ApiOkResponse({ type: HealthDto })
  async health(): Promise<HealthDto> {
    // A folder whose one-shot write failed (PUT /preferences, a reset) is re-probed: health tells the truth
    // now. Bounded, so a hung disk cannot hang the liveness route (the probe then reports on the next call).
    await Promise.race([this.storage.recheck(), new Promise((resolve) => setTimeout(resolve, PROBE_WAIT_MS).unref())]);
    return {
      status: 'running',
      engine: true,
      websocket_clients: this.clients.snapshot(),
      storage: { writable: this.storage.writable, last_error: this.storage.lastErrorMessage },
      skipped_history_files: await this.history.skippedFiles(),
    };
  }
}
