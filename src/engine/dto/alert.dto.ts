import { ApiProperty } from '@nestjs/swagger';
import { ApiDouble, ApiInteger } from '../../common/wire/api-number.decorator.js';

// SPEC §4 GET /processes item and alert contributors.
export class ProcessStatsDto {
  @ApiInteger({ example: 16108 }) pid!: number;
  @ApiProperty({ example: 'Cursor.exe' }) name!: string;
  @ApiDouble({ example: 4.17 }) avg_cpu_percent!: number;
  @ApiDouble({ example: 4.65 }) avg_memory_percent!: number;
  @ApiDouble({ example: 8.49 }) peak_cpu_percent!: number;
  @ApiDouble({ example: 4.71 }) peak_memory_percent!: number;
  @ApiDouble({ example: 8.49 }) current_cpu_percent!: number;
  @ApiDouble({ example: 4.71 }) current_memory_percent!: number;
  @ApiInteger({ example: 30 }) sample_count!: number;
  @ApiDouble({ example: 4.36 }) impact_score!: number;
}

// SPEC §4 GET /events item.
export class EventDto {
  @ApiDouble({ example: 1795777262.71 }) timestamp!: number;
  @ApiProperty({ example: 'cpu_spike_start' }) event_type!: string;
  @ApiProperty({ enum: ['info', 'warning', 'critical'], example: 'warning' }) severity!: string;
  @ApiProperty({ example: 'CPU spike started at 91.2%' }) details!: string;
}

// SPEC §5 "Alerts": root cause analysis.
export class RootCauseDto {
  @ApiProperty({ enum: ['cpu', 'memory', 'disk'], example: 'cpu' }) primary_bottleneck!: string;
  @ApiProperty({ type: ProcessStatsDto, nullable: true }) suspect_process!: ProcessStatsDto | null;
  @ApiProperty({ type: EventDto, nullable: true }) trigger_event!: EventDto | null;
  @ApiDouble({ example: 70 }) confidence_score!: number;
  @ApiProperty({ example: "System is experiencing critical CPU pressure. The process 'x' (PID 1) is the primary suspect." })
  summary!: string;
}

export class AlertDto {
  @ApiDouble({ example: 1778661159.76 }) timestamp!: number;
  @ApiDouble({ example: 69.85 }) stress_score!: number;
  @ApiProperty({ enum: ['low', 'moderate', 'high', 'critical'], example: 'high' }) level!: string;
  @ApiProperty({ type: [ProcessStatsDto] }) top_contributors!: ProcessStatsDto[];
  @ApiProperty({ example: 'Resource alert (CPU pressure 90% (threshold 85%)). Stress high (70/100), sustained ~10s.' }) message!: string;
  @ApiProperty({ type: RootCauseDto }) root_cause!: RootCauseDto;
}

export class AlertStateDto {
  @ApiInteger({ example: 0 }) total_fired!: number;
  @ApiProperty({ example: false }) in_cooldown!: boolean;
  @ApiDouble({ example: 60 }) cooldown_total_sec!: number;
  @ApiDouble({ example: 0 }) cooldown_remaining_sec!: number;
  @ApiInteger({ example: 0 }) consecutive_high!: number;
  @ApiProperty({ type: AlertDto, nullable: true }) last_alert!: AlertDto | null;
  @ApiProperty({ type: [AlertDto] }) recent_alerts!: AlertDto[];
}

export class AlertsDto {
  @ApiProperty({ type: [AlertDto], description: 'newest first' }) alerts!: AlertDto[];
}

export class ProcessesDto {
  @ApiProperty({ type: [ProcessStatsDto] }) processes!: ProcessStatsDto[];
}

export class EventsDto {
  @ApiProperty({ type: [EventDto], description: 'newest first' }) events!: EventDto[];
}
