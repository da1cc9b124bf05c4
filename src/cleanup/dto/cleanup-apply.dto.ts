import { ApiProperty } from '@nestjs/swagger';
import { ApiInteger } from '../../common/wire.js';

// docs/cleanup.md: POST /cleanup/apply.
export class ApplyErrorDto {
  @ApiProperty({ required: false, example: '/home/u/.cache/app/blob.bin' }) path?: string;
  @ApiProperty({ required: false, example: 'apt_cache' }) category?: string;
  @ApiProperty({ example: 'EACCES: permission denied' }) error!: string;
}

const count = (description: string) => ({ type: 'integer', description });

// A map keyed by category id (additionalProperties): an inline schema, integers only.
const TALLY = {
  type: 'object',
  required: ['removed', 'bytes_freed', 'skipped', 'skipped_changed', 'skipped_unsafe_path'],
  properties: {
    removed: count('files removed or moved to the trash'),
    bytes_freed: { ...count('their bytes'), format: 'int64' },
    skipped: count('files not touched'),
    skipped_changed: count('replaced, resized, touched, or no longer meeting the rules since the scan'),
    skipped_unsafe_path: count('a symlink, a non-folder or a moved folder between the root and the file'),
  },
};

export class CleanupApplyDto {
  @ApiProperty({ enum: [true], example: true }) ok!: true;
  @ApiProperty({ example: 'fbd01cce019a4156973ddf450fb1f6b4' }) scan_id!: string;
  @ApiProperty({ enum: ['recycle', 'permanent'], example: 'recycle', description: 'the mode actually used' }) mode!: 'recycle' | 'permanent';
  @ApiInteger({ example: 5 }) removed!: number;
  @ApiInteger({ format: 'int64', example: 8713, description: 'recycle: bytes moved to the trash' }) bytes_freed!: number;
  @ApiInteger({ example: 0 }) skipped!: number;
  @ApiProperty({ type: [ApplyErrorDto], description: 'at most 50; errors_truncated counts the rest' }) errors!: ApplyErrorDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: TALLY,
    example: { user_cache: { removed: 5, bytes_freed: 8713, skipped: 0, skipped_changed: 0, skipped_unsafe_path: 0 } },
  })
  per_category!: Record<string, { removed: number; bytes_freed: number; skipped: number; skipped_changed: number; skipped_unsafe_path: number }>;
  @ApiInteger({ example: 0 }) skipped_changed!: number;
  @ApiInteger({ example: 0 }) skipped_unsafe_path!: number;
  @ApiInteger({ example: 0 }) errors_truncated!: number;
  @ApiProperty({ type: [String], example: ['/home/u/.local/share/Trash'], description: 'the trash folders files were moved to (recycle)' })
  trash_dirs!: string[];
  @ApiProperty({ enum: [true], example: true, description: 'the scan_id is spent; scan again for another apply' }) scan_consumed!: true;
}
