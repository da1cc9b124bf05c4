import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

// docs/cleanup.md: POST /cleanup/scan and /cleanup/apply bodies (the earlier engine's keys).

export class ScanRequestDto {
  @ApiProperty({
    required: false,
    type: [String],
    example: ['user_cache', 'trash'],
    description: 'categories to measure; absent or empty: all (a scan only reads)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  category_ids?: string[];
}

export class ApplyRequestDto {
  @ApiProperty({
    required: false,
    example: 'fbd01cce019a4156973ddf450fb1f6b4',
    description: 'from POST /cleanup/scan; missing: {"ok":false,"error":"Missing scan_id"}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  scan_id?: string;

  @ApiProperty({
    required: false,
    type: [String],
    example: ['user_cache'],
    description: 'a non-empty list of categories of that scan; empty or foreign ids are refused (never "everything")',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  category_ids?: string[];

  @ApiProperty({ required: false, example: 'recycle', description: 'recycle (default: a real trash, else refused) or permanent; trimmed, case-insensitive' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  mode?: string;
}
