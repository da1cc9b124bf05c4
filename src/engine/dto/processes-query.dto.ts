import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiInteger } from '../../common/wire/api-number.decorator.js';

// SPEC §4 GET /processes?limit=1..100.
export class ProcessesQueryDto {
  @ApiInteger({ required: false, minimum: 1, maximum: 100, default: 10, example: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
