import { ApiProperty } from '@nestjs/swagger';
import { HistorySampleDto } from './history-sample.dto.js';
import { HistorySummaryDto } from './history-summary.dto.js';
import { ApiInteger } from '../../common/wire.js';

// SPEC §4 GET /history and DELETE /history.
export class HistoryResponseDto {
  @ApiProperty({ type: [HistorySampleDto], description: 'ascending by at' }) samples!: HistorySampleDto[];
  @ApiProperty({ type: HistorySummaryDto }) summary!: HistorySummaryDto;
}

export class HistoryClearDto {
  @ApiProperty({ example: true }) ok!: boolean;
  @ApiInteger({ example: 31, description: 'samples-*.jsonl files deleted' }) files_removed!: number;
}
