import type { PreferencesRecord } from '../../preferences/preferences.record.js';
import { KEPT_ALERTS } from '../../runtime-state/runtime-checkpoint.record.js';
import type { CorrelationEngine, RootCauseRecord } from './correlation-engine.js';
import type { EventRecord } from './event-logger.js';
import { clamp, formatFixed, round } from './math.js';
import type { ActionResult } from './process-action.js';
import type { ProcessStatsRecord } from './process-tracker.js';
import { RESOURCES, type Resource, type ResourceValues, type StressLevel, type StressRecord } from './stress-engine.js';
import { wireProcess } from './wire-rounding.js';

// SPEC §5 "Alerts": one fired alert (GET /alerts, /ws/alerts, runtime.json alerts_recent).
export interface AlertRecord {
  timestamp: number;
  stress_score: number;
  level: StressLevel;
  top_contributors: ProcessStatsRecord[];
  message: string;
  root_cause: RootCauseRecord;
  /**
   * What the engine did in answer (the safeguard's terminations), filled in right after the alert
   * fired and before it is broadcast. Additive to SPEC §5: absent on alerts of older checkpoints.
   */
  actions_taken?: AlertActionRecord[];
}

/** One action the engine took in answer to an alert (docs/process-control.md). */
export interface AlertActionRecord {
  /** Unix seconds. */
  timestamp: number;
  pid: number;
  name: string;
  action: 'terminate';
  /** `ok`: the signal was accepted; otherwise why nothing was done or what failed. */
  result: ActionResult;
  /** A readable reason when `result` is not `ok`, else null. */
  error: string | null;
}

/** An alert as GET /status lists it, compact as the earlier engine's: the live frame carries up to 50. */
export type AlertSummaryRecord = Pick<AlertRecord, 'timestamp' | 'stress_score' | 'level' | 'message'>;

// SPEC §5 GET /status `alert`.
export interface AlertStateRecord {
  total_fired: number;
  in_cooldown: boolean;
  cooldown_total_sec: number;
  cooldown_remaining_sec: number;
  consecutive_high: number;
  last_alert: AlertRecord | null;
  recent_alerts: AlertSummaryRecord[];
}

export interface AlertOptions {
  /** Breaching cycles in a row before an alert fires. */
  requiredCycles: number;
  cooldownSec: number;
  /** Alerts kept in memory and in the checkpoint. */
  keep: number;
  /** Only used to say how long the breach lasted. */
  collectionIntervalSec: number;
  topContributors: number;
}

export const DEFAULT_ALERT_OPTIONS: AlertOptions = {
  requiredCycles: 5,
  cooldownSec: 60,
  keep: KEPT_ALERTS,
  collectionIntervalSec: 2,
  topContributors: 5,
};

export interface AlertInput {
  timestamp: number;
  /** Seconds on the monotonic clock (the cooldown runs on it); defaults to `timestamp` (pure replays). */
  monotonic?: number;
  /** Full precision: the breach, the level and the bottleneck are decided on the exact values. */
  stress: StressRecord;
  /** Pressure thresholds from the preferences. */
  thresholds: ResourceValues;
  /**
   * The top `topContributors` by impact, highest first, full precision: the suspect is chosen
   * among them. Read only when an alert fires: ranking every cycle would be wasted.
   */
  processes: () => readonly ProcessStatsRecord[];
  /** Newest first. */
  events: () => readonly EventRecord[];
}

/** How the message names each resource, as the earlier engine. */
const BREACH_LABEL: Record<Resource, string> = { cpu: 'CPU', memory: 'Memory', disk: 'Disk' };

/** The pressure thresholds an alert compares against. */
export function alertThresholds(preferences: PreferencesRecord): ResourceValues {
  return { cpu: preferences.alert_cpu_percent, memory: preferences.alert_memory_percent, disk: preferences.alert_disk_pressure };
}

export function breachedResources(pressures: ResourceValues, thresholds: ResourceValues): Resource[] {
  return RESOURCES.filter((r) => pressures[r] >= thresholds[r]);
}

function isAlertRecord(value: unknown): value is AlertRecord {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Record<string, unknown>;
  return Number.isFinite(a.timestamp) && Number.isFinite(a.stress_score) && typeof a.message === 'string';
}

function summarize({ timestamp, stress_score, level, message }: AlertRecord): AlertSummaryRecord {
  return { timestamp, stress_score: round(stress_score, 2), level, message };
}

/** Fires on sustained pressure, at most once per cooldown, and remembers the last few alerts. */
export class AlertManager {
  readonly options: AlertOptions;
  private alerts: AlertRecord[] = []; // newest first
  private totalFired = 0;
  private consecutiveHigh = 0;
  /** When the cooldown started, in seconds on the monotonic clock; undefined when none runs. */
  private cooldownStart?: number;

  constructor(
    private readonly correlation: CorrelationEngine,
    options: Partial<AlertOptions> = {},
  ) {
    this.options = { ...DEFAULT_ALERT_OPTIONS, ...options };
  }

  /** The alert fired by this cycle, if any. */
  evaluate(input: AlertInput): AlertRecord | null {
    const breached = breachedResources(input.stress.pressures, input.thresholds);
    this.consecutiveHigh = breached.length > 0 ? this.consecutiveHigh + 1 : 0;
    const now = input.monotonic ?? input.timestamp;
    if (this.consecutiveHigh < this.options.requiredCycles || this.cooldownRemaining(now) > 0) return null;
    const alert = this.buildAlert(input, breached);
    this.cooldownStart = now;
    this.alerts = [alert, ...this.alerts].slice(0, this.options.keep);
    this.totalFired += 1;
    return alert;
  }

  /** `now`: seconds on the clock `evaluate` was given (monotonic, or the timestamps in pure replays). */
  state(now: number): AlertStateRecord {
    const remaining = this.cooldownRemaining(now);
    return {
      total_fired: this.totalFired,
      in_cooldown: remaining > 0,
      cooldown_total_sec: this.options.cooldownSec,
      cooldown_remaining_sec: round(remaining, 2),
      consecutive_high: this.consecutiveHigh,
      last_alert: this.alerts[0] ?? null,
      recent_alerts: this.alerts.map(summarize),
    };
  }

  /** All kept alerts, newest first (GET /alerts, the checkpoint). */
  recent(): AlertRecord[] {
    return [...this.alerts];
  }

  /**
   * Warm start from the checkpoint's alerts_recent: malformed entries are dropped, the rest
   * re-sorted newest first. The last one restarts what is left of its cooldown, so a restart cannot
   * re-alert at once — unless it is dated in the future (a clock that was ahead, or a hostile file):
   * that never blocks new alerts. `clock` is the wall and monotonic time now, in seconds (without it,
   * as in pure replays, the timestamps are the clock). They stay in recent_alerts and last_alert, but
   * total_fired counts the alerts fired since this start, as the earlier engine's status bar shows it.
   */
  restore(alerts: unknown, clock?: { wall: number; monotonic: number }): number {
    const valid = Array.isArray(alerts) ? alerts.filter(isAlertRecord) : [];
    this.alerts = [...valid].sort((a, b) => b.timestamp - a.timestamp).slice(0, this.options.keep);
    this.totalFired = 0;
    this.consecutiveHigh = 0;
    const last = this.alerts[0];
    const age = last && clock ? clock.wall - last.timestamp : undefined;
    if (!last) this.cooldownStart = undefined;
    else if (age === undefined) this.cooldownStart = last.timestamp;
    else this.cooldownStart = age >= 0 && age < this.options.cooldownSec ? clock!.monotonic - age : undefined;
    return this.alerts.length;
  }

  reset(): void {
    this.restore([]);
  }

  // A start in the future (a replayed clock that went back) never blocks: elapsed < 0 means no cooldown.
  private cooldownRemaining(now: number): number {
    if (this.cooldownStart === undefined) return 0;
    const elapsed = now - this.cooldownStart;
    return elapsed < 0 ? 0 : clamp(this.options.cooldownSec - elapsed, 0, this.options.cooldownSec);
  }

  /** The earlier engine's message, numbers formatted as it formats them. */
  private buildAlert(input: AlertInput, breached: Resource[]): AlertRecord {
    const { stress } = input;
    const processes = input.processes().slice(0, this.options.topContributors);
    const rootCause = this.correlation.analyze({ pressures: stress.pressures, processes, events: input.events() });
    const what = breached
      .map((r) => `${BREACH_LABEL[r]} pressure ${formatFixed(stress.pressures[r], 0)}% (threshold ${formatFixed(input.thresholds[r], 0)}%)`)
      .join('; ');
    const sustainedSec = formatFixed(this.consecutiveHigh * this.options.collectionIntervalSec, 0);
    return {
      timestamp: input.timestamp,
      stress_score: round(stress.score, 2),
      level: stress.level,
      top_contributors: processes.map(wireProcess),
      message:
        `Resource alert (${what}). Stress ${stress.level} (${formatFixed(stress.score, 0)}/100), ` +
        `sustained ~${sustainedSec}s. Root cause: ${rootCause.summary}`,
      root_cause: rootCause,
    };
  }
}
