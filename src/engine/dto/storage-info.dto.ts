import { ApiProperty } from '@nestjs/swagger';
import { SkippedHistoryFileDto } from './skipped-history-file.dto.js';
import { HistorySummaryDto } from '../../history/dto/history-summary.dto.js';
import { ApiInteger } from '../../common/wire.js';
import type { CacheClearRecord, SectionUsageRecord } from '../../storage/disk-usage.js';
import type { MigrationRecord } from '../../storage/migrations.js';

// SPEC §4 GET /storage/info and POST /storage/cache/clear.
export class SectionUsageDto implements SectionUsageRecord {
  @ApiProperty({ example: '/home/user/.local/share/SentraCore/datastore/config' }) path!: string;
  @ApiInteger({ format: 'int64', example: 0 }) bytes!: number;
}

export class SectionsDto {
  @ApiProperty({ type: SectionUsageDto }) config!: SectionUsageDto;
  @ApiProperty({ type: SectionUsageDto }) state!: SectionUsageDto;
  @ApiProperty({ type: SectionUsageDto }) history!: SectionUsageDto;
  @ApiProperty({ type: SectionUsageDto }) logs!: SectionUsageDto;
  @ApiProperty({ type: SectionUsageDto }) cache!: SectionUsageDto;
  @ApiProperty({ type: SectionUsageDto }) reports!: SectionUsageDto;
}

export class MigrationDto implements MigrationRecord {
  @ApiProperty({ example: false }) applied!: boolean;
  @ApiProperty({ type: [String], example: ['baseline.json -> state/baseline.json'] }) moved!: string[];
}

export class CacheClearDto implements CacheClearRecord {
  @ApiProperty({ example: true }) ok!: boolean;
  @ApiInteger({ example: 3 }) files_removed!: number;
  @ApiInteger({ format: 'int64', example: 4096 }) bytes_freed!: number;
}

export class RuntimeCheckpointInfoDto {
  @ApiProperty({ example: '/home/user/.local/share/SentraCore/datastore/state/runtime.json' }) path!: string;
  @ApiProperty({ example: true }) previous_run_unclean!: boolean;
}

/** Day files dated after tomorrow (a clock that was ahead, or planted): left out of every read (issue 21). */
export class FutureHistoryDto {
  @ApiProperty({ type: [String], example: ['samples-2027-01-06.jsonl'] }) files!: string[];
  @ApiInteger({ format: 'int64', example: 1840 }) total_bytes!: number;
  @ApiProperty({ example: false, description: 'true while retention waits for the clock to be stable for an hour after a jump' })
  retention_held!: boolean;
}

export class StorageInfoDto {
  @ApiProperty({ example: '/home/user/.local/share/SentraCore/datastore' }) root!: string;
  @ApiProperty({ type: SectionsDto }) sections!: SectionsDto;
  @ApiInteger({ format: 'int64', example: 2145 }) total_bytes!: number;
  @ApiProperty({ type: HistorySummaryDto }) history!: HistorySummaryDto;
  @ApiProperty({ type: RuntimeCheckpointInfoDto }) runtime_checkpoint!: RuntimeCheckpointInfoDto;
  @ApiProperty({ type: MigrationDto }) migration!: MigrationDto;
  @ApiProperty({ type: [SkippedHistoryFileDto], description: 'history day files not served (links, files without a valid line, over-long lines)' })
  skipped_history_files!: SkippedHistoryFileDto[];
  @ApiProperty({ type: FutureHistoryDto }) future_history!: FutureHistoryDto;
}
