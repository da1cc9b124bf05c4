import { ApiProperty } from '@nestjs/swagger';
import { ApiInteger } from '../../common/wire.js';

// GET /reports: the user-facing files under reports/ (SPEC §2).
export class ReportFileDto {
  @ApiProperty({ example: 'history-20261126T110000Z-20261127T110000Z-at-20261127T114512345Z.csv' }) name!: string;
  @ApiProperty({ example: '/home/user/.local/share/SentraCore/datastore/reports/history-20261126T110000Z-20261127T110000Z-at-20261127T114512345Z.csv' })
  path!: string;
  @ApiInteger({ format: 'int64', example: 512345 }) bytes!: number;
  @ApiProperty({ example: '2026-11-27T11:45:12.345Z' }) modified_at!: string;
}

export class ReportListDto {
  @ApiProperty({ example: '/home/user/.local/share/SentraCore/datastore/reports' }) directory!: string;
  @ApiProperty({ type: [ReportFileDto], description: 'newest first' }) reports!: ReportFileDto[];
}
