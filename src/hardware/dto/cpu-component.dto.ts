import { ApiProperty } from '@nestjs/swagger';
import { Float, Int, Issues, MeasuredDto, Status, Text } from './wire-types.js';

// docs/extras.md "Hardware health": one hwmon temperature reading (Linux; [] elsewhere).
export class TemperatureSensorDto {
  @Text({ example: 'coretemp' }) chip!: string;
  @Text({ example: 'Package id 0' }) label!: string;
  @Float({ nullable: true, example: 45.0 }) current_c!: number | null;
  @Float({ nullable: true, example: 100.0 }) high_c!: number | null;
  @Float({ nullable: true, example: 100.0 }) critical_c!: number | null;
}

// Every key may be missing when the probe failed (metrics is then {}).
export class CpuMetricsDto {
  @Float({ required: false, example: 12.5, description: 'mean busy % of the logical CPUs over the probe window' }) load_avg_pct?: number;
  @Float({ required: false, example: 20.0 }) load_max_core_pct?: number;
  @Int({ required: false, example: 8 }) cores_logical?: number;
  @Int({ required: false, example: 4, description: '0 when unknown' }) cores_physical?: number;
  @Float({ required: false, example: 3.25, description: 'only with at least 2 logical CPUs' }) load_core_stdev?: number;
  @Float({ required: false, nullable: true, example: 2400.0 }) freq_current_mhz?: number | null;
  @Float({ required: false, nullable: true, example: 4600.0, description: 'null when the platform gives no maximum (most VMs)' })
  freq_max_mhz?: number | null;
  @Float({ required: false, example: 0.522, description: 'only when both frequencies are known' }) freq_ratio?: number;
  @Float({ required: false, nullable: true, example: 52.0, description: 'null: no readable CPU sensor' }) max_temp_c?: number | null;
  @ApiProperty({ required: false, type: [TemperatureSensorDto] }) sensors?: TemperatureSensorDto[];
  @Int({ required: false, nullable: true, example: 0, description: 'Linux thermal_throttle: core events since boot, summed over CPUs' })
  core_throttle_count?: number | null;
  @Int({ required: false, nullable: true, example: 0, description: 'Linux thermal_throttle: package events since boot' })
  package_throttle_count?: number | null;
}

export class CpuComponentDto extends MeasuredDto {
  @Status() status!: string;
  @ApiProperty({ type: CpuMetricsDto }) metrics!: CpuMetricsDto;
  @Issues() issues!: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, example: [], description: 'always empty' }) items!: Record<string, unknown>[];
}
