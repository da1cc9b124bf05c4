import { ApiProperty } from '@nestjs/swagger';
import { ApiDouble, ApiInteger } from '../../common/wire.js';

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

export class NormalizedDto {
  @ApiDouble({ example: 1795777262.71 }) timestamp!: number;
  @ApiProperty({ type: NormalizedCpuDto }) cpu!: NormalizedCpuDto;
  @ApiProperty({ type: NormalizedMemoryDto }) memory!: NormalizedMemoryDto;
  @ApiDouble({ example: 0 }) swap_percent!: number;
  @ApiProperty({ type: NormalizedDiskIoDto }) disk_io!: NormalizedDiskIoDto;
}

export class TrendDto {
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

export class AnomalyDto {
  @ApiDouble({ example: 0 }) score!: number;
  @ApiProperty({ enum: ['normal', 'elevated', 'high', 'severe'], example: 'normal' }) level!: string;
  @ApiProperty({ type: ZScoresDto }) z_scores!: ZScoresDto;
  @ApiProperty({ example: false }) is_sustained!: boolean;
}

export class PressuresDto {
  @ApiDouble({ example: 0.34 }) cpu!: number;
  @ApiDouble({ example: 1.41 }) memory!: number;
  @ApiDouble({ example: 0 }) disk!: number;
}

export class StressDto {
  @ApiDouble({ example: 0.63 }) score!: number;
  @ApiProperty({ enum: ['low', 'moderate', 'high', 'critical'], example: 'low' }) level!: string;
  @ApiProperty({ type: PressuresDto }) pressures!: PressuresDto;
  @ApiProperty({ type: PressuresDto, description: 'adaptive weights; sum to 1' }) weights!: PressuresDto;
}

export class PredictionDto {
  @ApiDouble({ nullable: true, example: null }) memory_exhaustion_eta_sec!: number | null;
  @ApiDouble({ nullable: true, example: null }) cpu_critical_eta_sec!: number | null;
  @ApiDouble({ example: 0 }) risk_score!: number;
}

export class StabilityComponentsDto {
  @ApiDouble({ example: 0.3 }) stress_penalty!: number;
  @ApiDouble({ example: 0 }) risk_penalty!: number;
  @ApiDouble({ example: 0 }) anomaly_penalty!: number;
}

export class StabilityDto {
  @ApiDouble({ example: 99.7 }) score!: number;
  @ApiProperty({ enum: ['stable', 'degraded', 'critical'], example: 'stable' }) state!: string;
  @ApiProperty({ type: StabilityComponentsDto }) components!: StabilityComponentsDto;
}
