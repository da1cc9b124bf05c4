import { ApiProperty } from '@nestjs/swagger';

// SPEC §5 "Snapshot", served as `snapshot` in GET /status.
export class SnapshotCpuDto {
  @ApiProperty({ example: 12.5 }) percent!: number;
  @ApiProperty({ type: [Number], example: [10.2, 14.8] }) per_core!: number[];
  @ApiProperty({ example: 2 }) logical_count!: number;
}

export class SnapshotMemoryDto {
  @ApiProperty({ example: 25276518400 }) total!: number;
  @ApiProperty({ example: 121151488 }) used!: number;
  @ApiProperty({ example: 24921157632 }) available!: number;
  @ApiProperty({ example: 1.4 }) percent!: number;
}

export class SnapshotSwapDto {
  @ApiProperty({ example: 0 }) total!: number;
  @ApiProperty({ example: 0 }) used!: number;
  @ApiProperty({ example: 0 }) percent!: number;
}

export class SnapshotDiskIoDto {
  @ApiProperty({ example: 748655616 }) read_bytes!: number;
  @ApiProperty({ example: 1285263360 }) write_bytes!: number;
  @ApiProperty({ example: 20356 }) read_count!: number;
  @ApiProperty({ example: 5508 }) write_count!: number;
}

export class ProcessDto {
  @ApiProperty({ example: 9081 }) pid!: number;
  @ApiProperty({ example: 'python3' }) name!: string;
  @ApiProperty({ example: 0.15 }) cpu_percent!: number;
  @ApiProperty({ example: 0.15 }) memory_percent!: number;
  @ApiProperty({ example: 37593088 }) memory_rss!: number;
  @ApiProperty({ example: 'running' }) status!: string;
  @ApiProperty({ example: 1795777193.54 }) create_time!: number;
}

export class SnapshotDto {
  @ApiProperty({ example: 1795777262.71, description: 'unix seconds' }) timestamp!: number;
  @ApiProperty({ type: SnapshotCpuDto }) cpu!: SnapshotCpuDto;
  @ApiProperty({ type: SnapshotMemoryDto }) memory!: SnapshotMemoryDto;
  @ApiProperty({ type: SnapshotSwapDto }) swap!: SnapshotSwapDto;
  @ApiProperty({ type: SnapshotDiskIoDto }) disk_io!: SnapshotDiskIoDto;
  @ApiProperty({ type: [ProcessDto] }) processes!: ProcessDto[];
}
