import type { PreferencesRecord } from '../../preferences/preferences.record.js';
import type { SnapshotRecord } from '../../telemetry/snapshot.record.js';
import { AlertManager, alertThresholds, type AlertRecord, type AlertStateRecord } from './alert-manager.js';
import { AnomalyDetector, type AnomalyRecord } from './anomaly-detector.js';
import { BaselineModel, type BaselineFileRecord, type BaselineSample, type BaselineStatusRecord } from './baseline-model.js';
import { CorrelationEngine } from './correlation-engine.js';
import { EVENTS_SERVED, EventLogger, type EventRecord } from './event-logger.js';
import { alertFiredEvent, levelChangeEvent, spikeEvents } from './event-transitions.js';
import { Normalizer, type NormalizedRecord } from './normalizer.js';
import { PredictionEngine, type PredictionRecord } from './prediction-engine.js';
import { ProcessEvents } from './process-events.js';
import { ProcessTracker, type ProcessStatsRecord } from './process-tracker.js';
import { StabilityCalculator, type StabilityRecord } from './stability-calculator.js';
import { buildStatus, type BufferStatsRecord, type EngineInfoRecord, type StatusRecord } from './status.js';
import { StressEngine, type StressRecord } from './stress-engine.js';
import { TimeSeriesBuffer } from './time-series-buffer.js';
import { TrendAnalyzer, type TrendRecord } from './trend-analyzer.js';
import { wireAnomaly, wireNormalized, wirePrediction, wireProcess, wireStability, wireStress, wireTrend } from './wire-rounding.js';

export interface PipelineOptions {
  collectionIntervalSec: number;
  shortWindowSec: number;
  longWindowSec: number;
  eventCapacity: number;
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = { collectionIntervalSec: 2, shortWindowSec: 300, longWindowSec: 3600, eventCapacity: 200 };

export interface StepOptions {
  /**
   * False when the snapshot carries the previous process list (it is refreshed only every few
   * cycles): its readings then stand for this cycle too, and nothing starts or stops. Default true.
   */
  processesRefreshed?: boolean;
  /**
   * Every pid alive at this cycle's process scan, when the telemetry source knows it: then
   * `process_start` / `process_stop` mean a real start or exit, not a move in the top list.
   */
  runningPids?: ReadonlySet<number>;
  /** Seconds on the monotonic clock, for the alert cooldown; defaults to the snapshot's timestamp. */
  monotonicSec?: number;
}

/**
 * Everything one cycle produced, rounded as the wire rounds it;
 * `buildStatus(result, engineInfo)` turns it into GET /status.
 */
export interface CycleResult {
  snapshot: SnapshotRecord;
  normalized: NormalizedRecord;
  trend: TrendRecord;
  anomaly: AnomalyRecord;
  stress: StressRecord;
  prediction: PredictionRecord;
  stability: StabilityRecord;
  alert: AlertStateRecord;
  /** The alert fired by this cycle (also broadcast on /ws/alerts), or null. */
  firedAlert: AlertRecord | null;
  buffers: BufferStatsRecord;
  /** Events logged by this cycle, oldest first. */
  events: EventRecord[];
}

/**
 * Baseline and anomalies follow the smoothed readings, so one noisy sample neither skews nor
 * trips them; unrounded, so the baseline learns what the earlier engine learns.
 */
function baselineSample(normalized: NormalizedRecord): BaselineSample {
  return {
    cpu_percent: normalized.cpu.smoothed,
    memory_percent: normalized.memory.smoothed,
    disk_ops_per_sec: normalized.disk_io.total_ops_per_sec,
  };
}

/** The SPEC §5 analysis, one `step` per collected snapshot. Pure: time comes from the snapshots. */
export class AnalysisPipeline {
  readonly options: PipelineOptions;
  private readonly normalizer = new Normalizer();
  private readonly shortBuffer: TimeSeriesBuffer<NormalizedRecord>;
  private readonly longBuffer: TimeSeriesBuffer<NormalizedRecord>;
  private readonly trendAnalyzer = new TrendAnalyzer();
  private readonly anomalyDetector = new AnomalyDetector();
  private readonly stressEngine = new StressEngine();
  private readonly predictionEngine = new PredictionEngine();
  private readonly stabilityCalculator = new StabilityCalculator();
  private readonly processTracker = new ProcessTracker();
  private readonly processEvents = new ProcessEvents();
  private readonly eventLogger: EventLogger;
  private readonly correlationEngine = new CorrelationEngine();
  private readonly alertManager: AlertManager;
  private baselineModel = new BaselineModel();
  private cycles = 0;
  private previous: CycleResult | null = null;
  /** The latest normalised reading at full precision (the spike events compare against it). */
  private previousNormalized: NormalizedRecord | null = null;

  constructor(options: Partial<PipelineOptions> = {}) {
    this.options = { ...DEFAULT_PIPELINE_OPTIONS, ...options };
    const { collectionIntervalSec, shortWindowSec, longWindowSec, eventCapacity } = this.options;
    this.shortBuffer = TimeSeriesBuffer.forWindow(shortWindowSec, collectionIntervalSec);
    this.longBuffer = TimeSeriesBuffer.forWindow(longWindowSec, collectionIntervalSec);
    this.eventLogger = new EventLogger(eventCapacity);
    this.alertManager = new AlertManager(this.correlationEngine, { collectionIntervalSec });
  }

  get baseline(): BaselineModel {
    return this.baselineModel;
  }

  /** Cycles run since start (`engine.uptime_samples`). */
  get cycleCount(): number {
    return this.cycles;
  }

  /** The latest cycle, null before the first. */
  get last(): CycleResult | null {
    return this.previous;
  }

  /** One cycle, in the earlier engine's order of steps; every stage works at full precision. */
  step(snapshot: SnapshotRecord, preferences: PreferencesRecord, options: StepOptions = {}): CycleResult {
    const timestamp = snapshot.timestamp;
    const refreshed = options.processesRefreshed ?? true;
    const normalized = this.normalizer.normalize(snapshot);
    this.shortBuffer.push(normalized);
    this.longBuffer.push(normalized);
    const sample = baselineSample(normalized);
    this.baselineModel.update(timestamp, sample);
    this.processTracker.update(snapshot.processes, refreshed);
    const events = spikeEvents(this.previousNormalized, normalized);
    if (refreshed || this.cycles === 0) events.push(...this.processEvents.scan(timestamp, snapshot.processes, options.runningPids));
    const trend = this.trendAnalyzer.analyze(this.shortBuffer.last(this.trendAnalyzer.options.window));
    const anomaly = this.anomalyDetector.detect(timestamp, sample, this.baselineModel, preferences.anomaly_sensitivity);
    const stress = this.stressEngine.evaluate(normalized, trend, anomaly);
    const prediction = this.predictionEngine.predict(normalized, trend);
    const stability = this.stabilityCalculator.calculate(stress.score, prediction.risk_score, anomaly.score);
    events.push(...this.levelChanges(anomaly, stress, timestamp));
    // Logged before the alert check so an event of this very cycle can be its trigger.
    events.forEach((event) => this.eventLogger.log(event));
    const monotonic = options.monotonicSec ?? timestamp;
    const firedAlert = this.alertManager.evaluate({
      timestamp,
      monotonic,
      stress,
      thresholds: alertThresholds(preferences),
      processes: () => this.processTracker.top(this.alertManager.options.topContributors),
      events: () => this.eventLogger.list(),
    });
    if (firedAlert) events.push(this.eventLogger.log(alertFiredEvent(firedAlert)));
    this.cycles += 1;
    this.previousNormalized = normalized;
    const result: CycleResult = {
      snapshot,
      normalized: wireNormalized(normalized),
      trend: wireTrend(trend),
      anomaly: wireAnomaly(anomaly),
      stress: wireStress(stress),
      prediction: wirePrediction(prediction),
      stability: wireStability(stability),
      alert: this.alertManager.state(monotonic),
      firedAlert,
      buffers: this.bufferStats(),
      events,
    };
    this.previous = result;
    return result;
  }

  /** GET /status for the latest cycle; null before the first (serve the checkpoint then). */
  status(meta: Pick<EngineInfoRecord, 'version' | 'previous_run_unclean' | 'warm_started'>): StatusRecord | null {
    return this.previous ? buildStatus(this.previous, this.engineInfo(meta)) : null;
  }

  engineInfo(meta: Pick<EngineInfoRecord, 'version' | 'previous_run_unclean' | 'warm_started'>): EngineInfoRecord {
    return {
      version: meta.version,
      uptime_samples: this.cycles,
      baseline_ready: this.baselineModel.ready,
      baseline_samples: this.baselineModel.sampleCount,
      previous_run_unclean: meta.previous_run_unclean,
      warm_started: meta.warm_started,
    };
  }

  bufferStats(): BufferStatsRecord {
    return {
      short: { count: this.shortBuffer.count, capacity: this.shortBuffer.capacity },
      long: { count: this.longBuffer.count, capacity: this.longBuffer.capacity },
    };
  }

  /** Replaces the baseline with the content of state/baseline.json (tolerant, see BaselineModel.fromRecord). */
  loadBaseline(raw: unknown): void {
    this.baselineModel = BaselineModel.fromRecord(raw);
  }

  exportBaseline(): BaselineFileRecord {
    return this.baselineModel.toRecord();
  }

  baselineStatus(): BaselineStatusRecord {
    return this.baselineModel.toStatusRecord();
  }

  resetBaseline(): void {
    this.baselineModel.reset();
  }

  /** Warm start from runtime.json alerts_recent; returns how many were kept. */
  restoreAlerts(alerts: unknown, clock?: { wall: number; monotonic: number }): number {
    return this.alertManager.restore(alerts, clock);
  }

  /** `now`: the monotonic seconds the cycles were given (or their timestamps). */
  alertState(now: number): AlertStateRecord {
    return this.alertManager.state(now);
  }

  /** Newest first (GET /alerts, checkpoint alerts_recent). */
  recentAlerts(): AlertRecord[] {
    return this.alertManager.recent();
  }

  /** An event from outside the cycle (a process action), kept with the cycle's own. */
  logEvent(event: EventRecord): void {
    this.eventLogger.log(event);
  }

  /** Newest first (GET /events: the newest 50, as the earlier engine). */
  listEvents(limit = EVENTS_SERVED): EventRecord[] {
    return this.eventLogger.list(limit);
  }

  /** Highest impact first (GET /processes?limit), rounded for the wire. */
  topProcesses(limit: number): ProcessStatsRecord[] {
    return this.processTracker.top(limit).map(wireProcess);
  }

  /** This engine's own events; levels are compared with the previous cycle's. */
  private levelChanges(anomaly: AnomalyRecord, stress: StressRecord, timestamp: number): EventRecord[] {
    const previous = this.previous;
    const candidates = [
      levelChangeEvent('anomaly', previous?.anomaly.level ?? null, anomaly.level, anomaly.score, timestamp),
      levelChangeEvent('stress', previous?.stress.level ?? null, stress.level, stress.score, timestamp),
    ];
    return candidates.filter((e): e is EventRecord => e !== null);
  }
}
