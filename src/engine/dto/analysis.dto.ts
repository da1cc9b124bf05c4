import { ApiProperty } from '@nestjs/swagger';
import { ApiDouble, ApiInteger } from '../../common/wire.js';
import { ANOMALY_LEVELS, type AnomalyLevel, type AnomalyRecord } from '../pipeline/anomaly-detector.js';
import type { NormalizedRecord } from '../pipeline/normalizer.js';
import type { PredictionRecord } from '../pipeline/prediction-engine.js';
import { STABILITY_STATES, type StabilityRecord, type StabilityState } from '../pipeline/stability-calculator.js';
import { STRESS_LEVELS, type StressLevel, type StressRecord } from '../pipeline/stress-engine.js';
import type { TrendRecord } from '../pipeline/trend-analyzer.js';

// SPEC §5 wire shapes of the pipeline stages, served in GET /status.
export class NormalizedCpuDto {
  @ApiDouble({ example: 0.5 }) raw!: number;
  @ApiDouble({ example: 0.34 }) smoothed!: number;
  @ApiProperty({ example: false }) spiking!: boolean;
}

export class NormalizedMemoryDto {
  @ApiDouble({ example: 1.4 }) raw!: number;
  @ApiDouble({ example: 1.4 }) smoothed!: number;
  @ApiInteger({ format: 'int64', example: 121151488 }) used!: number;
  @ApiInteger({ format: 'int64', example: 24921157632 }) available!: number;
  @ApiInteger({ format: 'int64', example: 25276518400 }) total!: number;
  @ApiProperty({ example: false }) spiking!: boolean;
}

export class NormalizedDiskIoDto {
  @ApiDouble({ example: 0 }) read_bytes_per_sec!: number;
  @ApiDouble({ example: 0 }) write_bytes_per_sec!: number;
  @ApiDouble({ example: 0 }) read_ops_per_sec!: number;
  @ApiDouble({ example: 0 }) write_ops_per_sec!: number;
  @ApiDouble({ example: 0 }) total_bytes_per_sec!: number;
  @ApiDouble({ example: 0 }) total_ops_per_sec!: number;
  @ApiProperty({ example: false }) spiking!: boolean;
}

export class NormalizedDto implements NormalizedRecord {
  @ApiDouble({ example: 1795777262.71 }) timestamp!: number;
  @ApiProperty({ type: NormalizedCpuDto }) cpu!: NormalizedCpuDto;
  @ApiProperty({ type: NormalizedMemoryDto }) memory!: NormalizedMemoryDto;
  @ApiDouble({ example: 0 }) swap_percent!: number;
  @ApiProperty({ type: NormalizedDiskIoDto }) disk_io!: NormalizedDiskIoDto;
}

export class TrendDto implements TrendRecord {
  @ApiDouble({ example: 0.0002, description: '%/s' }) cpu_slope!: number;
  @ApiDouble({ example: 0, description: '%/s' }) memory_slope!: number;
  @ApiDouble({ example: 0.2451 }) cpu_volatility!: number;
  @ApiDouble({ example: 0 }) memory_volatility!: number;
  @ApiProperty({ example: false }) is_cpu_growing!: boolean;
  @ApiProperty({ example: false }) is_memory_leaking!: boolean;
}

export class ZScoresDto {
  @ApiDouble({ example: 0 }) cpu!: number;
  @ApiDouble({ example: 0 }) memory!: number;
  @ApiDouble({ example: 0 }) disk!: number;
}

export class AnomalyDto implements AnomalyRecord {
  @ApiDouble({ example: 0 }) score!: number;
  @ApiProperty({ enum: ANOMALY_LEVELS, example: 'normal' }) level!: AnomalyLevel;
  @ApiProperty({ type: ZScoresDto }) z_scores!: ZScoresDto;
  @ApiProperty({ example: false }) is_sustained!: boolean;
}

export class PressuresDto {
  @ApiDouble({ example: 0.34 }) cpu!: number;
  @ApiDouble({ example: 1.41 }) memory!: number;
  @ApiDouble({ example: 0 }) disk!: number;
}

export class StressDto implements StressRecord {
  @ApiDouble({ example: 0.63 }) score!: number;
  @ApiProperty({ enum: STRESS_LEVELS, example: 'low' }) level!: StressLevel;
  @ApiProperty({ type: PressuresDto }) pressures!: PressuresDto;
  @ApiProperty({ type: PressuresDto, description: 'adaptive weights; sum to 1' }) weights!: PressuresDto;
}

export class PredictionDto implements PredictionRecord {
  @ApiDouble({ nullable: true, example: null }) memory_exhaustion_eta_sec!: number | null;
  @ApiDouble({ nullable: true, example: null }) cpu_critical_eta_sec!: number | null;
  @ApiDouble({ example: 0 }) risk_score!: number;
}

export class StabilityComponentsDto {
  @ApiDouble({ example: 0.3 }) stress_penalty!: number;
  @ApiDouble({ example: 0 }) risk_penalty!: number;
  @ApiDouble({ example: 0 }) anomaly_penalty!: number;
}

export class StabilityDto implements StabilityRecord {
  @ApiDouble({ example: 99.7 }) score!: number;
  @ApiProperty({ enum: STABILITY_STATES, example: 'stable' }) state!: StabilityState;
  @ApiProperty({ type: StabilityComponentsDto }) components!: StabilityComponentsDto;
}
