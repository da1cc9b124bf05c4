import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, Min } from 'class-validator';
import { HISTORY_AGGS, type HistoryAgg } from '../read/history-query.js';
import { ApiDouble, ApiInteger } from '../../common/wire.js';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FINITE = { allowNaN: false, allowInfinity: false };

// POST /history/export request: the same range semantics as GET /history.
export class HistoryExportDto {
  @ApiDouble({ description: 'start, inclusive unix seconds', example: 1795690800 })
  @IsNumber(FINITE)
  from!: number;

  @ApiDouble({ description: 'end, inclusive unix seconds; from > to is swapped', example: 1795777200 })
  @IsNumber(FINITE)
  to!: number;

  @ApiProperty({ enum: EXPORT_FORMATS, example: 'csv' })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;

  @ApiDouble({ required: false, description: 'as in GET /history', example: 300, minimum: 0 })
  @IsOptional()
  @IsNumber(FINITE)
  @Min(0)
  granularity?: number;

  @ApiPropertyOptional({ enum: HISTORY_AGGS, default: 'first', example: 'avg' })
  @IsOptional()
  @IsIn(HISTORY_AGGS)
  agg?: HistoryAgg;
}

// POST /history/export answer.
export class HistoryExportResultDto {
  @ApiProperty({ example: true }) ok!: boolean;
  @ApiProperty({
    example: '/home/user/.local/share/SentraCore/datastore/reports/history-20261126T110000Z-20261127T110000Z-at-20261127T114512345Z.csv',
    description: 'the written file, always inside reports/',
  })
  file!: string;
  @ApiInteger({ format: 'int64', example: 512345 }) bytes!: number;
  @ApiInteger({ example: 2880 }) samples!: number;
}
