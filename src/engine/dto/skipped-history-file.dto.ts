import { ApiProperty } from '@nestjs/swagger';

// A history day file the archive does not serve (issue 21): a link, a file with no valid line, an over-long line.
export class SkippedHistoryFileDto {
  @ApiProperty({ example: 'samples-2026-11-27.jsonl' }) name!: string;
  @ApiProperty({ example: 'not a regular file (a symbolic link?): never read, written or deleted' }) reason!: string;
}
