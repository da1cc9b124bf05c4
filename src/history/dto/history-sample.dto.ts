import { ApiProperty } from '@nestjs/swagger';
import { ApiDouble, ApiInteger } from '../../common/wire.js';
import type { HistoryProcessRecord, HistorySampleRecord } from '../history.types.js';

// SPEC §6 history sample on the wire (identical to a line of samples-YYYY-MM-DD.jsonl).
export class HistoryProcessDto implements HistoryProcessRecord {
  @ApiProperty({ example: 'chrome.exe' }) name!: string;
  @ApiInteger({ example: 10583 }) pid!: number;
  @ApiDouble({ example: 15.29 }) cpu_percent!: number;
  @ApiDouble({ example: 12.29 }) mem_percent!: number;
  @ApiDouble({ example: 26.83 }) impact!: number;
}

export class HistorySampleDto implements HistorySampleRecord {
  @ApiDouble({ example: 1795777127.5, description: 'unix seconds (bucket start when aggregated)' }) at!: number;
  @ApiDouble({ nullable: true, example: 45.87 }) cpu_percent!: number | null;
  @ApiDouble({ nullable: true, example: 61.43 }) mem_percent!: number | null;
  @ApiDouble({ nullable: true, example: 13.68 }) disk_pressure_percent!: number | null;
  @ApiDouble({ nullable: true, example: 78.36 }) stability_score!: number | null;
  @ApiDouble({ nullable: true, example: 43.27 }) stress_score!: number | null;
  @ApiProperty({ type: [HistoryProcessDto] }) top_processes!: HistoryProcessDto[];
}
