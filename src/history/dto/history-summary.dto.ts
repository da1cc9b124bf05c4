import { ApiProperty } from '@nestjs/swagger';
import { ApiDouble, ApiInteger } from '../../common/wire.js';
import type { HistorySummaryRecord } from '../history.types.js';

// SPEC §6 history summary (GET /history and GET /storage/info).
export class HistorySummaryDto implements HistorySummaryRecord {
  @ApiProperty({ example: '/home/user/.local/share/SentraCore/datastore/history' }) directory!: string;
  @ApiInteger({ example: 30 }) retention_days!: number;
  @ApiDouble({ example: 30 }) min_interval_sec!: number;
  @ApiProperty({ type: [String], example: ['samples-2026-11-26.jsonl', 'samples-2026-11-27.jsonl'] }) files!: string[];
  @ApiInteger({ format: 'int64', example: 3374880 }) total_bytes!: number;
  @ApiInteger({ example: 5760 }) total_samples!: number;
}
