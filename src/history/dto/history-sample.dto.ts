import { ApiProperty } from '@nestjs/swagger';

// SPEC §6 history sample on the wire (identical to a line of samples-YYYY-MM-DD.jsonl).
export class HistoryProcessDto {
  @ApiProperty({ example: 'chrome.exe' }) name!: string;
  @ApiProperty({ example: 10583 }) pid!: number;
  @ApiProperty({ example: 15.29 }) cpu_percent!: number;
  @ApiProperty({ example: 12.29 }) mem_percent!: number;
  @ApiProperty({ example: 26.83 }) impact!: number;
}

export class HistorySampleDto {
  @ApiProperty({ example: 1795777127.5, description: 'unix seconds (bucket start when aggregated)' }) at!: number;
  @ApiProperty({ type: Number, nullable: true, example: 45.87 }) cpu_percent!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 61.43 }) mem_percent!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 13.68 }) disk_pressure_percent!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 78.36 }) stability_score!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 43.27 }) stress_score!: number | null;
  @ApiProperty({ type: [HistoryProcessDto] }) top_processes!: HistoryProcessDto[];
}
