import { ApiProperty } from '@nestjs/swagger';
import { ApiInteger } from '../../common/wire.js';

// docs/cleanup.md: GET /cleanup/categories.
export class CleanupCategoryDto {
  @ApiProperty({ example: 'user_cache' }) id!: string;
  @ApiProperty({ example: 'User cache (~/.cache)' }) label!: string;
  @ApiProperty({ example: 'Application caches under your home directory.' }) description!: string;
  @ApiProperty({ type: [String], example: ['/home/u/.cache'], description: 'real, existing folders, each walked once' }) roots!: string[];
  @ApiInteger({ example: 0 }) min_age_days!: number;
  @ApiProperty({
    example: false,
    description: 'true: the category needs administrator rights this engine does not have (it is listed, never walked or cleaned)',
  })
  requires_admin!: boolean;
  @ApiProperty({ example: false, description: 'the table declares that the category needs administrator rights' }) admin_only!: boolean;
  @ApiProperty({ type: [String], nullable: true, example: null, description: 'only files with these endings' }) extensions!: string[] | null;
}

export class CleanupCategoriesDto {
  @ApiProperty({
    example: true,
    description: 'a real trash takes recycled files (freedesktop.org trash on Linux, ~/.Trash on macOS); false on Windows for now',
  })
  os_supports_recycle_bin!: boolean;
  @ApiProperty({ example: 'linux' }) os!: string;
  @ApiProperty({ enum: ['builtin', 'file'], example: 'builtin', description: 'file: SENTRACORE_CLEANUP_CATEGORIES_FILE' }) source!: string;
  @ApiProperty({ example: false, description: 'the engine runs with administrator rights' }) elevated!: boolean;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'why the configured table file is unusable (then there are no categories)' })
  table_error!: string | null;
  @ApiProperty({ type: [CleanupCategoryDto] }) categories!: CleanupCategoryDto[];
}
