import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { HISTORY_AGGS, type HistoryAgg } from '../read/history-query.js';
import { QueryNumber } from '../../common/query-number.js';
import { ApiDouble, ApiInteger } from '../../common/wire.js';

const FINITE = { allowNaN: false, allowInfinity: false };

/** SPEC §6: the dashboard's 7-day sync asks for 12,000; the earlier engine's cap of 10,000 refused it. */
export const MAX_HISTORY_LIMIT = 100_000;

// SPEC §6 GET /history query, plus the `agg` extension.
export class HistoryQueryDto {
  @ApiDouble({ required: false, description: 'start, inclusive unix seconds (default: `to` − 24 h)', example: 1795690800 })
  @IsOptional()
  @QueryNumber()
  @IsNumber(FINITE)
  from?: number;

  @ApiDouble({ required: false, description: 'end, inclusive unix seconds (default: now); from > to is swapped', example: 1795777200 })
  @IsOptional()
  @QueryNumber()
  @IsNumber(FINITE)
  to?: number;

  @ApiDouble({
    required: false,
    description:
      'seconds: with agg=first keep the first sample, then only samples at least this long after the last one kept; with avg|min|max the bucket size (0 = every sample)',
    example: 3600,
    minimum: 0,
  })
  @IsOptional()
  @QueryNumber()
  @IsNumber(FINITE)
  @Min(0)
  granularity?: number;

  @ApiInteger({ required: false, description: 'keep the most recent N (after downsampling)', example: 500, minimum: 1, maximum: MAX_HISTORY_LIMIT })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_LIMIT)
  limit?: number;

  @ApiPropertyOptional({
    enum: HISTORY_AGGS,
    default: 'first',
    description:
      'first = SPEC downsampling; avg|min|max aggregate every metric per granularity-second bucket, stamped with the bucket start, with the top processes of the bucket’s highest-stress sample (lowest for min)',
    example: 'avg',
  })
  @IsOptional()
  @IsIn(HISTORY_AGGS)
  agg?: HistoryAgg;
}
