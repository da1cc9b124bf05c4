import { ApiProperty } from '@nestjs/swagger';
import { ApiDouble, ApiInteger } from '../../common/wire.js';

// docs/cleanup.md: POST /cleanup/scan and GET /cleanup/scan/{scan_id}.
export class FileSampleDto {
  @ApiProperty({ example: '/home/u/.cache/app/blob.bin' }) path!: string;
  @ApiInteger({ format: 'int64', example: 5000 }) size!: number;
  @ApiDouble({ example: 1796179662.77 }) mtime!: number;
}

export class SkipCountsDto {
  @ApiInteger({ example: 0, description: 'symlinks (never followed, never deleted)' }) symlinks!: number;
  @ApiInteger({ example: 0, description: 'sockets, FIFOs, devices' }) special!: number;
  @ApiInteger({ example: 0, description: 'lock files' }) locks!: number;
  @ApiInteger({ example: 0, description: 'changed in the last minutes (may be in use)' }) recent!: number;
  @ApiInteger({ example: 0, description: 'younger than min_age_days' }) young!: number;
  @ApiInteger({ example: 0, description: 'already recorded by an earlier category or as a hard link' }) duplicates!: number;
  @ApiInteger({ example: 0, description: 'folders that could not be read' }) unreadable_dirs!: number;
  @ApiInteger({ example: 0, description: 'folders deeper than the depth limit (12, or the table’s max_depth), not walked' }) deep_dirs!: number;
}

export class ScanCategoryDto {
  @ApiProperty({ example: 'user_cache' }) id!: string;
  @ApiProperty({ example: 'User cache (~/.cache)' }) label!: string;
  @ApiProperty({ example: 'Application caches under your home directory.' }) description!: string;
  @ApiInteger({ format: 'int64', example: 8713 }) bytes!: number;
  @ApiInteger({ example: 5 }) file_count!: number;
  @ApiProperty({ type: [String], example: ['/home/u/.cache'] }) roots!: string[];
  @ApiProperty({ type: [FileSampleDto], description: 'the 20 largest candidates' }) samples!: FileSampleDto[];
  @ApiProperty({ example: false, description: 'needs administrator rights this engine lacks (then not walked)' }) requires_admin!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'why the category was not walked' }) error!: string | null;
  @ApiProperty({ example: false, description: 'a cap (25,000 files, 64 GiB), the time budget or the depth limit cut the walk short' }) truncated!: boolean;
  @ApiInteger({ example: 7, description: 'regular files looked at' }) files_scanned!: number;
  @ApiProperty({ type: SkipCountsDto }) skipped!: SkipCountsDto;
}

export class CleanupScanDto {
  @ApiProperty({ enum: [true], example: true }) ok!: true;
  @ApiProperty({ example: 'fbd01cce019a4156973ddf450fb1f6b4' }) scan_id!: string;
  @ApiDouble({ example: 1796179663.7 }) started_at!: number;
  @ApiDouble({ example: 1796179663.78 }) completed_at!: number;
  @ApiProperty({ example: 'linux' }) os!: string;
  @ApiInteger({ format: 'int64', example: 8713, description: 'each file counted once, even where categories overlap' }) total_bytes!: number;
  @ApiInteger({ example: 5 }) total_files!: number;
  @ApiProperty({ type: [ScanCategoryDto] }) categories!: ScanCategoryDto[];
  @ApiProperty({ example: false, description: 'some category or the whole scan was cut short' }) truncated!: boolean;
  @ApiInteger({ example: 7 }) files_scanned!: number;
  @ApiProperty({ enum: ['complete', 'time_budget', 'file_cap'], example: 'complete' }) stopped!: string;
  @ApiDouble({ example: 1796181463.78, description: 'unix seconds when apply stops accepting this scan_id' }) expires_at!: number;
}

/** A domain failure: HTTP 200 with ok false (the earlier engine's contract). */
export class CleanupErrorDto {
  @ApiProperty({ enum: [false], example: false }) ok!: false;
  @ApiProperty({ example: 'Unknown or expired scan_id' }) error!: string;
}

export class ScanCancelDto {
  @ApiProperty({ enum: [true], example: true }) ok!: true;
  @ApiProperty({ example: true, description: 'a scan was running and is now stopping' }) cancelled!: boolean;
}
