import { ApiProperty } from '@nestjs/swagger';

// SPEC §5 wire shapes of the pipeline stages, served in GET /status.
export class NormalizedCpuDto {
  @ApiProperty({ example: 0.5 }) raw!: number;
  @ApiProperty({ example: 0.34 }) smoothed!: number;
  @ApiProperty({ example: false }) spiking!: boolean;
}

export class NormalizedMemoryDto {
  @ApiProperty({ example: 1.4 }) raw!: number;
  @ApiProperty({ example: 1.4 }) smoothed!: number;
  @ApiProperty({ example: 121151488 }) used!: number;
  @ApiProperty({ example: 24921157632 }) available!: number;
  @ApiProperty({ example: 25276518400 }) total!: number;
  @ApiProperty({ example: false }) spiking!: boolean;
}

export class NormalizedDiskIoDto {
  @ApiProperty({ example: 0 }) read_bytes_per_sec!: number;
  @ApiProperty({ example: 0 }) write_bytes_per_sec!: number;
  @ApiProperty({ example: 0 }) read_ops_per_sec!: number;
  @ApiProperty({ example: 0 }) write_ops_per_sec!: number;
  @ApiProperty({ example: 0 }) total_bytes_per_sec!: number;
  @ApiProperty({ example: 0 }) total_ops_per_sec!: number;
  @ApiProperty({ example: false }) spiking!: boolean;
}

export class NormalizedDto {
  @ApiProperty({ example: 1795777262.71 }) timestamp!: number;
  @ApiProperty({ type: NormalizedCpuDto }) cpu!: NormalizedCpuDto;
  @ApiProperty({ type: NormalizedMemoryDto }) memory!: NormalizedMemoryDto;
  @ApiProperty({ example: 0 }) swap_percent!: number;
  @ApiProperty({ type: NormalizedDiskIoDto }) disk_io!: NormalizedDiskIoDto;
}

export class TrendDto {
  @ApiProperty({ example: 0.0002, description: '%/s' }) cpu_slope!: number;
  @ApiProperty({ example: 0, description: '%/s' }) memory_slope!: number;
  @ApiProperty({ example: 0.2451 }) cpu_volatility!: number;
  @ApiProperty({ example: 0 }) memory_volatility!: number;
  @ApiProperty({ example: false }) is_cpu_growing!: boolean;
  @ApiProperty({ example: false }) is_memory_leaking!: boolean;
}

export class ZScoresDto {
  @ApiProperty({ example: 0 }) cpu!: number;
  @ApiProperty({ example: 0 }) memory!: number;
  @ApiProperty({ example: 0 }) disk!: number;
}

export class AnomalyDto {
  @ApiProperty({ example: 0 }) score!: number;
  @ApiProperty({ enum: ['normal', 'elevated', 'high', 'severe'], example: 'normal' }) level!: string;
  @ApiProperty({ type: ZScoresDto }) z_scores!: ZScoresDto;
  @ApiProperty({ example: false }) is_sustained!: boolean;
}

export class PressuresDto {
  @ApiProperty({ example: 0.34 }) cpu!: number;
  @ApiProperty({ example: 1.41 }) memory!: number;
  @ApiProperty({ example: 0 }) disk!: number;
}

export class StressDto {
  @ApiProperty({ example: 0.63 }) score!: number;
  @ApiProperty({ enum: ['low', 'moderate', 'high', 'critical'], example: 'low' }) level!: string;
  @ApiProperty({ type: PressuresDto }) pressures!: PressuresDto;
  @ApiProperty({ type: PressuresDto, description: 'adaptive weights; sum to 1' }) weights!: PressuresDto;
}

export class PredictionDto {
  @ApiProperty({ type: Number, nullable: true, example: null }) memory_exhaustion_eta_sec!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: null }) cpu_critical_eta_sec!: number | null;
  @ApiProperty({ example: 0 }) risk_score!: number;
}

export class StabilityComponentsDto {
  @ApiProperty({ example: 0.3 }) stress_penalty!: number;
  @ApiProperty({ example: 0 }) risk_penalty!: number;
  @ApiProperty({ example: 0 }) anomaly_penalty!: number;
}

export class StabilityDto {
  @ApiProperty({ example: 99.7 }) score!: number;
  @ApiProperty({ enum: ['stable', 'degraded', 'critical'], example: 'stable' }) state!: string;
  @ApiProperty({ type: StabilityComponentsDto }) components!: StabilityComponentsDto;
}
