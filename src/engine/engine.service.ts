import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { asError } from '../common/as-error.js';
import { ClockWatch } from '../common/clock-watch.js';
import { ENGINE_VERSION } from '../common/package.js';
import { storageUnavailable } from '../common/sentra-core.error.js';
import { wireShapeOf } from '../common/wire.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import type { CheckpointContent } from '../runtime-state/runtime-checkpoint.record.js';
import type { ProcessRecord } from '../telemetry/snapshot.record.js';
import { TELEMETRY_SOURCE, type TelemetrySource } from '../telemetry/telemetry-source.js';
import { CheckpointContentDto } from './dto/checkpoint-content.dto.js';
import { EngineDeps } from './engine-deps.js';
import { cycleEvent } from './engine-events.js';
import { historySample } from './history-sample.js';
import type { AlertActionRecord, AlertRecord } from './pipeline/alert-manager.js';
import { AnalysisPipeline } from './pipeline/analysis-pipeline.js';
import { BaselineModel, type BaselineStatusRecord } from './pipeline/baseline-model.js';
import type { EventRecord } from './pipeline/event-logger.js';
import { clockJumpEvent } from './pipeline/event-transitions.js';
import type { ProcessStatsRecord } from './pipeline/process-tracker.js';
import { restoredStages } from './pipeline/restored-stages.js';
import { buildStatus, type StatusRecord } from './pipeline/status.js';
import { ProcessRefreshPolicy } from './process-refresh.js';

/** Answers a fired alert before it is broadcast (the safeguard); what it did goes into the alert. */
export type AlertResponder = (alert: AlertRecord) => Promise<AlertActionRecord[]>;

const BASELINE_PERSIST_CYCLES = 150;
const CHECKPOINT_SHAPE = wireShapeOf(CheckpointContentDto);
/** A client that read the status or the processes is taken to keep reading for this long. */
const WATCHED_FOR_MS = 60_000;

/** Runs the SPEC §5 cycle and owns the engine's current state; warm-starts from the checkpoint. */
@Injectable()
export class EngineService implements OnModuleInit {
  private readonly logger = new Logger(EngineService.name);
  private readonly pipeline: AnalysisPipeline;
  private readonly processRefresh: ProcessRefreshPolicy;
  private watchedUntilMs = 0;
  private stopped = false;
  private alertResponder: AlertResponder | undefined;
  /** Baseline writes (periodic persists, resets) one at a time, each exporting the model at its turn. */
  private baselineWrites: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(SENTRACORE_OPTIONS) options: SentraCoreOptions,
    private readonly clock: ClockWatch,
    @Inject(TELEMETRY_SOURCE) private readonly telemetry: TelemetrySource,
    private readonly deps: EngineDeps,
  ) {
    this.pipeline = new AnalysisPipeline({ collectionIntervalSec: options.sampling.collectionIntervalSec });
    this.processRefresh = new ProcessRefreshPolicy(options.sampling.processRefreshCycles);
  }

  async onModuleInit(): Promise<void> {
    this.pipeline.loadBaseline(await this.deps.baseline.load());
    const now = { wall: this.clock.nowMs() / 1000, monotonic: this.clock.monotonicMs() / 1000 };
    const restored = this.pipeline.restoreAlerts(this.deps.runtime.restored.alerts_recent, now);
    if (restored > 0) this.logger.log({ message: 'restored alerts from the checkpoint', count: restored });
    // Mark this run as running (SPEC §7): the restored values, written back with the flag false.
    await this.checkpoint(false).catch((error: unknown) => this.logger.warn({ message: 'could not mark the run in the checkpoint', error: String(error) }));
  }

  /** True until the first fresh cycle after start: /status serves the checkpoint meanwhile. */
  get warmStarted(): boolean {
    return this.pipeline.last === null;
  }

  /** One cycle: collect → analyse → history sample → broadcast. */
  async runCycle(): Promise<void> {
    if (this.stopped) return;
    // Before anything is stored: a jump found now holds the retention this cycle's append may start.
    this.clock.observe();
    for (const jump of this.clock.takeJumps()) this.pipeline.logEvent(clockJumpEvent(jump));
    const timestamp = this.clock.nowMs() / 1000;
    const monotonicSec = this.clock.monotonicMs() / 1000;
    // Most cycles fall inside the history interval: only build a sample the store will keep.
    const historyDue = this.deps.history.isDue(timestamp);
    const withProcesses = this.processRefresh.due(this.pipeline.cycleCount, historyDue || this.processesWanted());
    const snapshot = await this.telemetry.sample({ timestamp, withProcesses });
    const runningPids = withProcesses ? this.telemetry.runningPids?.() : undefined;
    const cycle = this.pipeline.step(snapshot, this.deps.preferences.value, { processesRefreshed: withProcesses, runningPids, monotonicSec });
    if (cycle.firedAlert) await this.respondTo(cycle.firedAlert);
    if (historyDue) {
      await this.deps.history.append(historySample(cycle, this.pipeline.topProcesses(5)));
    }
    if (this.pipeline.cycleCount % BASELINE_PERSIST_CYCLES === 0) await this.persistBaseline();
    this.deps.events.cycles.next(cycleEvent(cycle, this.clock.nowMs(), () => this.statusForClient()));
    if (cycle.firedAlert) {
      this.logger.warn({ message: cycle.firedAlert.message, level: cycle.firedAlert.level });
      this.deps.events.alerts.next(cycle.firedAlert);
    }
  }

  /** The one answer to fired alerts (the processes module's safeguard registers itself). */
  setAlertResponder(responder: AlertResponder): void {
    this.alertResponder = responder;
  }

  /** The processes of the latest scan with their start times: what the engine tracks (GET /processes). */
  trackedProcesses(): readonly ProcessRecord[] {
    return this.pipeline.last?.snapshot.processes ?? [];
  }

  /** An event from outside the cycle (a process action): GET /events lists it with the cycle's own. */
  recordEvent(event: EventRecord): void {
    this.pipeline.logEvent(event);
  }

  /** GET /status and the live streams: the status; its process list is kept fresh while clients read it. */
  statusForClient(): StatusRecord {
    this.watchedUntilMs = this.clock.monotonicMs() + WATCHED_FOR_MS;
    return this.status();
  }

  /** GET /processes: top processes by impact, kept fresh while clients read them. */
  topProcesses(limit: number): ProcessStatsRecord[] {
    this.watchedUntilMs = this.clock.monotonicMs() + WATCHED_FOR_MS;
    return this.pipeline.topProcesses(limit);
  }

  /** GET /baseline. */
  baseline(): BaselineStatusRecord {
    return this.pipeline.baselineStatus();
  }

  /** GET /alerts: the kept alerts, newest first. */
  alerts(): AlertRecord[] {
    return this.pipeline.recentAlerts();
  }

  /** GET /events: the newest 50, newest first. */
  events(): EventRecord[] {
    return this.pipeline.listEvents();
  }

  /** GET /status: the latest cycle, or the checkpoint's values until the first fresh cycle. */
  status(): StatusRecord {
    const meta = { version: ENGINE_VERSION, previous_run_unclean: this.deps.runtime.previousRunUnclean, warm_started: this.warmStarted };
    const nowSec = this.clock.monotonicMs() / 1000; // the alert cooldown runs on the monotonic clock
    const fresh = this.pipeline.last;
    if (fresh) return buildStatus({ ...fresh, alert: this.pipeline.alertState(nowSec) }, this.pipeline.engineInfo(meta));
    const restored = this.deps.runtime.restored;
    return buildStatus(
      {
        snapshot: null,
        trend: null,
        normalized: restoredStages.normalized(restored.last_normalized),
        anomaly: restoredStages.anomaly(restored.last_anomaly),
        prediction: restoredStages.prediction(restored.last_prediction),
        stress: restoredStages.stress(restored.last_stress),
        stability: restoredStages.stability(restored.last_stability),
        alert: this.pipeline.alertState(nowSec),
        buffers: this.pipeline.bufferStats(),
      },
      this.pipeline.engineInfo(meta),
    );
  }

  /** The checkpoint body: fresh values once a cycle ran, else the restored ones (alerts included). */
  checkpointContent(): CheckpointContent {
    const fresh = this.pipeline.last;
    const alerts = this.pipeline.recentAlerts() as unknown as Record<string, unknown>[];
    if (!fresh) return { ...this.deps.runtime.restoredContent(), alerts_recent: alerts };
    const plain = (value: object) => value as unknown as Record<string, unknown>;
    return {
      alerts_recent: alerts,
      last_stress: plain(fresh.stress),
      last_stability: plain(fresh.stability),
      last_normalized: plain(fresh.normalized),
      last_prediction: plain(fresh.prediction),
      last_anomaly: plain(fresh.anomaly),
    };
  }

  async checkpoint(clean = false): Promise<void> {
    await this.deps.runtime.write(this.checkpointContent(), clean, CHECKPOINT_SHAPE);
  }

  /** All or nothing: the empty baseline is persisted first; a reset that cannot be persisted is a 503 and resets nothing. */
  async resetBaseline(): Promise<void> {
    await this.baselineTurn(async () => {
      await this.deps.baseline.save(new BaselineModel().toRecord()).catch((error: unknown) => {
        throw storageUnavailable('persist the reset baseline', error);
      });
      this.pipeline.resetBaseline();
    });
    this.logger.log({ message: 'baseline reset' });
  }

  /** Clean stop (SPEC §7), called by EngineLifecycle once the jobs stopped: no cycle runs after this. */
  stop(): void {
    this.stopped = true;
  }

  /** The checkpoint of a clean stop (last_clean_shutdown: true); a failure is logged, the stop goes on. */
  async finalCheckpoint(): Promise<void> {
    await this.checkpoint(true).catch((error: unknown) => this.logger.error(asError(error)));
  }

  /** Runs before the alert is broadcast, so REST, /ws/alerts and the checkpoint all carry its actions. */
  private async respondTo(alert: AlertRecord): Promise<void> {
    alert.actions_taken = [];
    if (!this.alertResponder) return;
    try {
      alert.actions_taken.push(...(await this.alertResponder(alert)));
    } catch (error: unknown) {
      this.logger.error(asError(error));
    }
  }

  /**
   * Besides a due history sample (which lists the top processes), who wants a fresh process list
   * this cycle (see ProcessRefreshPolicy).
   */
  private processesWanted(): boolean {
    return (
      (this.pipeline.last?.alert.consecutive_high ?? 0) > 0 || // an alert may fire and name a suspect
      this.clock.monotonicMs() < this.watchedUntilMs // someone reads /status, /processes or a live stream
    );
  }

  /** Saves what the baseline learned; a failure is logged at warn (the next persist retries). */
  async persistBaseline(): Promise<void> {
    await this.baselineTurn(() => this.deps.baseline.save(this.pipeline.exportBaseline())).catch((error: unknown) =>
      this.logger.warn({ message: `persist baseline: ${String(error)}` }),
    );
  }

  private baselineTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.baselineWrites.then(work);
    this.baselineWrites = run.catch(() => undefined);
    return run;
  }
}
