import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryNumber } from '../../common/query-number.js';
import { ApiInteger } from '../../common/wire.js';

// SPEC §4 GET /processes?limit=1..100.
export class ProcessesQueryDto {
  @ApiInteger({ required: false, minimum: 1, maximum: 100, default: 10, example: 10 })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
