import { ApiProperty } from '@nestjs/swagger';
import { AlertStateDto } from './alert.dto.js';
import { AnomalyDto, NormalizedDto, PredictionDto, StabilityDto, StressDto, TrendDto } from './analysis.dto.js';
import { SnapshotDto } from './snapshot.dto.js';
import { ApiDouble, ApiInteger } from '../../common/wire.js';
import type { BaselineStatusRecord } from '../pipeline/baseline-model.js';
import type { MetricStatsRecord } from '../pipeline/running-stats.js';
import type { BufferStatsRecord, EngineInfoRecord, StatusRecord } from '../pipeline/status.js';

// SPEC §5 "GET /status".
export class EngineInfoDto implements EngineInfoRecord {
  @ApiProperty({ example: '1.0.0' }) version!: string;
  @ApiInteger({ example: 34 }) uptime_samples!: number;
  @ApiProperty({ example: false }) baseline_ready!: boolean;
  @ApiInteger({ example: 34 }) baseline_samples!: number;
  @ApiProperty({ example: true }) previous_run_unclean!: boolean;
  @ApiProperty({ example: false, description: 'true until the first fresh cycle: values come from the checkpoint' })
  warm_started!: boolean;
}

export class BufferStateDto {
  @ApiInteger({ example: 34 }) count!: number;
  @ApiInteger({ example: 150 }) capacity!: number;
}

export class BuffersDto implements BufferStatsRecord {
  @ApiProperty({ type: BufferStateDto }) short!: BufferStateDto;
  @ApiProperty({ type: BufferStateDto }) long!: BufferStateDto;
}

export class StatusDto implements StatusRecord {
  @ApiProperty({ type: EngineInfoDto }) engine!: EngineInfoDto;
  @ApiProperty({ type: SnapshotDto, nullable: true, description: 'null before the first cycle' }) snapshot!: SnapshotDto | null;
  @ApiProperty({ type: NormalizedDto, nullable: true }) normalized!: NormalizedDto | null;
  @ApiProperty({ type: TrendDto, nullable: true }) trend!: TrendDto | null;
  @ApiProperty({ type: AnomalyDto, nullable: true }) anomaly!: AnomalyDto | null;
  @ApiProperty({ type: PredictionDto, nullable: true }) prediction!: PredictionDto | null;
  @ApiProperty({ type: StressDto, nullable: true }) stress!: StressDto | null;
  @ApiProperty({ type: StabilityDto, nullable: true }) stability!: StabilityDto | null;
  @ApiProperty({ type: AlertStateDto }) alert!: AlertStateDto;
  @ApiProperty({ type: BuffersDto }) buffers!: BuffersDto;
}

// SPEC §4 GET /baseline.
export class MetricStatsDto implements MetricStatsRecord {
  @ApiInteger({ example: 34 }) count!: number;
  @ApiDouble({ example: 0.3074 }) mean!: number;
  @ApiDouble({ example: 0.0804 }) std_dev!: number;
  @ApiDouble({ nullable: true, example: 0 }) min!: number | null;
  @ApiDouble({ nullable: true, example: 0.4716 }) max!: number | null;
}

export class SegmentStatsDto {
  @ApiProperty({ type: MetricStatsDto }) cpu_percent!: MetricStatsDto;
  @ApiProperty({ type: MetricStatsDto }) memory_percent!: MetricStatsDto;
  @ApiProperty({ type: MetricStatsDto }) disk_ops_per_sec!: MetricStatsDto;
}

export class BaselineStatsDto {
  @ApiProperty({ type: SegmentStatsDto }) global!: SegmentStatsDto;
  @ApiProperty({ type: SegmentStatsDto }) night!: SegmentStatsDto;
  @ApiProperty({ type: SegmentStatsDto }) morning!: SegmentStatsDto;
  @ApiProperty({ type: SegmentStatsDto }) afternoon!: SegmentStatsDto;
  @ApiProperty({ type: SegmentStatsDto }) evening!: SegmentStatsDto;
}

export class BaselineDto implements BaselineStatusRecord {
  @ApiProperty({ example: false }) ready!: boolean;
  @ApiInteger({ example: 34 }) sample_count!: number;
  @ApiInteger({ example: 60 }) min_samples_required!: number;
  @ApiProperty({ type: BaselineStatsDto }) stats!: BaselineStatsDto;
}

export class OkDto {
  @ApiProperty({ example: true }) ok!: boolean;
}
