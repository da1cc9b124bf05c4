import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { QueryNumber } from '../../common/query-number.js';
import { ApiDouble, ApiInteger } from '../../common/wire.js';

// docs/cleanup.md "Large-file finder": GET /storage/large (the earlier engine's parameters and keys).
export class LargeFilesQueryDto {
  @ApiProperty({ example: '/home/u', description: 'an absolute folder (or ~) inside the home or SENTRACORE_LARGE_FILES_ROOTS' })
  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  path!: string;

  @ApiDouble({ required: false, minimum: 0, default: 100, example: 50, description: 'minimum size in MiB, inclusive' })
  @IsOptional()
  @QueryNumber()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  min_mb?: number;

  @ApiInteger({ required: false, minimum: 1, maximum: 2000, default: 200, example: 200 })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(2000)
  limit?: number;

  @ApiInteger({ required: false, minimum: 1000, maximum: 2_000_000, default: 200_000, example: 200000, description: 'files (and folders) looked at, at most' })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1000)
  @Max(2_000_000)
  max_files_scanned?: number;
}

export class LargeFileDto {
  @ApiProperty({ example: '/home/u/big/movie.mkv' }) path!: string;
  @ApiInteger({ format: 'int64', example: 3145728 }) size!: number;
  @ApiDouble({ example: 1796179662.785247 }) mtime!: number;
  @ApiProperty({ example: '/home/u/big' }) parent!: string;
}

export class LargeFilesDto {
  @ApiProperty({ enum: [true], example: true }) ok!: true;
  @ApiProperty({ example: '~/big', description: 'the path as asked' }) path!: string;
  @ApiDouble({ example: 1.0 }) min_mb!: number;
  @ApiInteger({ example: 200 }) limit!: number;
  @ApiProperty({ type: [LargeFileDto], description: 'largest first; ties by mtime, then path, descending' }) results!: LargeFileDto[];
  @ApiProperty({ example: '/home/u/big', description: 'the real folder walked' }) root!: string;
  @ApiProperty({ example: false, description: 'the walk stopped early (max_files_scanned, the time budget): narrow the path' }) truncated!: boolean;
  @ApiProperty({ enum: ['complete', 'time_budget', 'cap'], example: 'complete' }) stopped!: string;
  @ApiInteger({ example: 1234 }) files_scanned!: number;
  @ApiInteger({ example: 56 }) dirs_scanned!: number;
  @ApiInteger({ example: 0, description: 'symlinks seen and not followed' }) skipped_symlinks!: number;
  @ApiInteger({ example: 0 }) unreadable_dirs!: number;
}
