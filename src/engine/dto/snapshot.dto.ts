import { ApiProperty } from '@nestjs/swagger';
import { ApiDouble, ApiInteger } from '../../common/wire.js';
import type { ProcessRecord, SnapshotRecord } from '../../telemetry/snapshot.record.js';

// SPEC §5 "Snapshot", served as `snapshot` in GET /status.
export class SnapshotCpuDto {
  @ApiDouble({ example: 12.5 }) percent!: number;
  @ApiDouble({ isArray: true, example: [10.2, 14.8] }) per_core!: number[];
  @ApiInteger({ example: 2 }) logical_count!: number;
}

export class SnapshotMemoryDto {
  @ApiInteger({ format: 'int64', example: 25276518400 }) total!: number;
  @ApiInteger({ format: 'int64', example: 121151488 }) used!: number;
  @ApiInteger({ format: 'int64', example: 24921157632 }) available!: number;
  @ApiDouble({ example: 1.4 }) percent!: number;
}

export class SnapshotSwapDto {
  @ApiInteger({ format: 'int64', example: 0 }) total!: number;
  @ApiInteger({ format: 'int64', example: 0 }) used!: number;
  @ApiDouble({ example: 0 }) percent!: number;
}

export class SnapshotDiskIoDto {
  @ApiInteger({ format: 'int64', example: 748655616 }) read_bytes!: number;
  @ApiInteger({ format: 'int64', example: 1285263360 }) write_bytes!: number;
  @ApiInteger({ format: 'int64', example: 20356 }) read_count!: number;
  @ApiInteger({ format: 'int64', example: 5508 }) write_count!: number;
}

export class ProcessDto implements ProcessRecord {
  @ApiInteger({ example: 9081 }) pid!: number;
  @ApiProperty({ example: 'python3' }) name!: string;
  @ApiDouble({ example: 0.15 }) cpu_percent!: number;
  @ApiDouble({ example: 0.15 }) memory_percent!: number;
  @ApiInteger({ format: 'int64', example: 37593088 }) memory_rss!: number;
  @ApiProperty({ example: 'running' }) status!: string;
  @ApiDouble({ example: 1795777193.54 }) create_time!: number;
}

export class SnapshotDto implements SnapshotRecord {
  @ApiDouble({ example: 1795777262.71, description: 'unix seconds' }) timestamp!: number;
  @ApiProperty({ type: SnapshotCpuDto }) cpu!: SnapshotCpuDto;
  @ApiProperty({ type: SnapshotMemoryDto }) memory!: SnapshotMemoryDto;
  @ApiProperty({ type: SnapshotSwapDto }) swap!: SnapshotSwapDto;
  @ApiProperty({ type: SnapshotDiskIoDto }) disk_io!: SnapshotDiskIoDto;
  @ApiProperty({ type: [ProcessDto] }) processes!: ProcessDto[];
}
