import { ApiProperty } from '@nestjs/swagger';
import { ApiDouble, ApiInteger } from '../../common/wire.js';
import type { AlertActionRecord, AlertRecord, AlertStateRecord, AlertSummaryRecord } from '../pipeline/alert-manager.js';
import type { RootCauseRecord } from '../pipeline/correlation-engine.js';
import {
  EVENT_SEVERITIES,
  EVENT_TYPES,
  type EventDetails,
  type EventDetailValue,
  type EventRecord,
  type EventSeverity,
  type EventType,
} from '../pipeline/event-logger.js';
import type { ProcessStatsRecord } from '../pipeline/process-tracker.js';
import { RESOURCES, STRESS_LEVELS, type Resource, type StressLevel } from '../pipeline/stress-engine.js';
import { ACTION_RESULTS, PROCESS_ACTIONS, type ActionResult } from '../pipeline/process-action.js';

// SPEC §4 GET /processes item and alert contributors.
export class ProcessStatsDto implements ProcessStatsRecord {
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

const optional = { required: false } as const;

// SPEC §4 GET /events item `details`: the earlier engine's keys for the event's type, plus `description`.
export class EventDetailsDto implements EventDetails {
  [key: string]: EventDetailValue | undefined;
  @ApiProperty({ example: 'CPU spike: 91.2% (smoothed 84.0%)', description: 'a readable sentence, on every event' })
  description!: string;
  @ApiProperty({ ...optional, example: 'CPU spike resolved', description: 'on the events that end a spike or pressure' })
  message?: string;
  @ApiProperty({ ...optional, type: 'integer', example: 10428, description: 'process_start, process_stop, process_action' }) pid?: number;
  @ApiProperty({ ...optional, example: 'render-worker', description: 'process_start, process_action' }) name?: string;
  @ApiProperty({ ...optional, enum: PROCESS_ACTIONS, description: 'process_action' }) action?: string;
  @ApiProperty({ ...optional, enum: ACTION_RESULTS, description: 'process_action: how it ended' }) result?: string;
  @ApiProperty({ ...optional, enum: ['api', 'safeguard'], description: 'process_action: who asked' }) source?: string;
  @ApiProperty({ ...optional, type: 'string', nullable: true, description: 'process_action: the reason when result is not ok' }) error?: string | null;
  @ApiProperty({ ...optional, type: 'number', example: 91.2 }) cpu_percent?: number;
  @ApiProperty({ ...optional, type: 'number', example: 84.04 }) cpu_smoothed?: number;
  @ApiProperty({ ...optional, type: 'number', example: 87.1 }) memory_percent?: number;
  @ApiProperty({ ...optional, type: 'number', example: 86.02 }) memory_smoothed?: number;
  @ApiProperty({ ...optional, type: 'integer', example: 2214592512, description: 'bytes' }) memory_available?: number;
  @ApiProperty({ ...optional, type: 'number', example: 812.5 }) disk_ops_per_sec?: number;
  @ApiProperty({ ...optional, type: 'number', example: 14893056.0 }) disk_bytes_per_sec?: number;
  @ApiProperty({
    ...optional,
    type: 'number',
    example: 85.0,
    description: "the earlier engine's configured event threshold (cpu 85, memory 85, disk 500), reported as it reports it",
  })
  threshold?: number;
  @ApiProperty({ ...optional, example: 'moderate', description: 'level changes: the level before' }) from?: string;
  @ApiProperty({ ...optional, example: 'high', description: 'level changes: the level after' }) to?: string;
  @ApiProperty({ ...optional, type: 'number', example: 61.25, description: 'level changes: the score' }) score?: number;
  @ApiProperty({ ...optional, enum: STRESS_LEVELS, description: 'alert_fired' }) level?: StressLevel;
  @ApiProperty({ ...optional, type: 'number', example: 69.85, description: 'alert_fired' }) stress_score?: number;
  @ApiProperty({ ...optional, enum: RESOURCES, description: 'alert_fired' }) primary_bottleneck?: Resource;
  @ApiProperty({ ...optional, type: 'integer', nullable: true, example: 2210, description: 'alert_fired' }) suspect_pid?: number | null;
}

// SPEC §4 GET /events item.
export class EventDto implements EventRecord {
  @ApiDouble({ example: 1795777262.71 }) timestamp!: number;
  @ApiProperty({ enum: EVENT_TYPES, example: 'cpu_spike' }) event_type!: EventType;
  @ApiProperty({ enum: EVENT_SEVERITIES, example: 'warning' }) severity!: EventSeverity;
  @ApiProperty({ type: EventDetailsDto }) details!: EventDetailsDto;
}

// SPEC §5 "Alerts": root cause analysis.
export class RootCauseDto implements RootCauseRecord {
  @ApiProperty({ enum: RESOURCES, example: 'cpu' }) primary_bottleneck!: Resource;
  @ApiProperty({ type: ProcessStatsDto, nullable: true }) suspect_process!: ProcessStatsDto | null;
  @ApiProperty({ type: EventDto, nullable: true }) trigger_event!: EventDto | null;
  @ApiDouble({ example: 70.0 }) confidence_score!: number;
  @ApiProperty({ example: "System is experiencing critical CPU pressure. The process 'x' (PID 1) is the primary suspect." })
  summary!: string;
}

// An alert's actions_taken entry: what the safeguard did in answer (docs/process-control.md).
export class AlertActionDto implements AlertActionRecord {
  @ApiDouble({ example: 1778661159.81 }) timestamp!: number;
  @ApiInteger({ example: 24310 }) pid!: number;
  @ApiProperty({ example: 'backup-agent' }) name!: string;
  @ApiProperty({ enum: ['terminate'], example: 'terminate' }) action!: 'terminate';
  @ApiProperty({ enum: ACTION_RESULTS, example: 'ok' }) result!: ActionResult;
  @ApiProperty({ type: 'string', nullable: true, example: null, description: 'why, when result is not ok' }) error!: string | null;
}

export class AlertDto implements AlertRecord {
  @ApiDouble({ example: 1778661159.76 }) timestamp!: number;
  @ApiDouble({ example: 69.85 }) stress_score!: number;
  @ApiProperty({ enum: STRESS_LEVELS, example: 'high' }) level!: StressLevel;
  @ApiProperty({ type: [ProcessStatsDto] }) top_contributors!: ProcessStatsDto[];
  @ApiProperty({ example: 'Resource alert (CPU pressure 90% (threshold 85%)). Stress high (70/100), sustained ~10s.' }) message!: string;
  @ApiProperty({ type: RootCauseDto }) root_cause!: RootCauseDto;
  @ApiProperty({
    type: [AlertActionDto],
    required: false,
    description: 'what the safeguard did in answer, [] when nothing; absent on alerts restored from an older checkpoint',
  })
  actions_taken?: AlertActionDto[];
}

/** GET /status `recent_alerts[]`: the earlier engine's compact form (GET /alerts has the whole alert). */
export class AlertSummaryDto implements AlertSummaryRecord {
  @ApiDouble({ example: 1778661159.76 }) timestamp!: number;
  @ApiDouble({ example: 69.85 }) stress_score!: number;
  @ApiProperty({ enum: STRESS_LEVELS, example: 'high' }) level!: StressLevel;
  @ApiProperty({ example: 'Resource alert (CPU pressure 90% (threshold 85%)). Stress high (70/100), sustained ~10s.' }) message!: string;
}

export class AlertStateDto implements AlertStateRecord {
  @ApiInteger({ example: 0 }) total_fired!: number;
  @ApiProperty({ example: false }) in_cooldown!: boolean;
  @ApiDouble({ example: 60 }) cooldown_total_sec!: number;
  @ApiDouble({ example: 0 }) cooldown_remaining_sec!: number;
  @ApiInteger({ example: 0 }) consecutive_high!: number;
  @ApiProperty({ type: AlertDto, nullable: true }) last_alert!: AlertDto | null;
  @ApiProperty({ type: [AlertSummaryDto], description: 'the kept alerts (up to 50), newest first, compact' }) recent_alerts!: AlertSummaryDto[];
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
