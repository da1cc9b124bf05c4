import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import type { Subscription } from 'rxjs';
import { EngineEvents } from '../engine/engine-events.js';
import { EngineService } from '../engine/engine.service.js';
import { LiveClients } from '../engine/live-clients.js';
import type { StatusRecord } from '../engine/engine.types.js';
import { MetricsRegistry } from './metrics.registry.js';

const ALERT_LEVELS = ['low', 'moderate', 'high', 'critical'] as const;

// A value the engine does not know yet (first start, before the first cycle) is exported as NaN:
// a gauge without labels always has a sample, and 0 would read as "no pressure".
const known = (value: number | null | undefined): number => (typeof value === 'number' ? value : Number.NaN);

/** Gauges read from the current status at each scrape; counters fed by the engine's events. */
@Injectable()
export class EngineMetricsCollector implements OnModuleInit, OnApplicationShutdown {
  private readonly gauges: Record<string, Gauge>;
  private readonly liveClients: Gauge<'channel'>;
  private readonly alertsFired: Counter<'level'>;
  private readonly cycles: Counter;
  private readonly subscriptions: Subscription[] = [];

  constructor(
    metrics: MetricsRegistry,
    private readonly engine: EngineService,
    private readonly events: EngineEvents,
    private readonly clients: LiveClients,
  ) {
    const registers = [metrics.registry];
    const gauge = (name: string, help: string) => new Gauge({ name, help, registers });
    this.gauges = {
      cpu: gauge('sentracore_cpu_pressure_percent', 'CPU pressure (smoothed CPU use), 0-100 percent.'),
      memory: gauge('sentracore_memory_pressure_percent', 'Memory pressure (share of memory not available, plus swap), 0-100 percent.'),
      disk: gauge('sentracore_disk_pressure_percent', 'Disk pressure from I/O operations per second against a 500 ops/s reference, 0-100 percent.'),
      stress: gauge('sentracore_stress_score', 'Weighted stress score, 0-100 (low <=30, moderate <=60, high <=85, critical above).'),
      stability: gauge('sentracore_stability_score', 'Stability score, 1-100 (stable >=80, degraded >=40, critical below).'),
      anomaly: gauge('sentracore_anomaly_score', 'Anomaly score against the learned baseline, 0-100.'),
      risk: gauge('sentracore_risk_score', 'Short-term risk score from the exhaustion predictions, 0-100.'),
      baselineSamples: gauge('sentracore_baseline_samples', 'Samples in the global baseline.'),
      baselineReady: gauge('sentracore_baseline_ready', '1 once the baseline has enough samples to judge anomalies, else 0.'),
    };
    this.liveClients = new Gauge({ name: 'sentracore_live_clients', help: 'Connected live-stream WebSocket clients.', labelNames: ['channel'], registers });
    this.alertsFired = new Counter({
      name: 'sentracore_alerts_fired_total',
      help: 'Alerts fired since the engine started, by stress level.',
      labelNames: ['level'],
      registers,
    });
    this.cycles = new Counter({ name: 'sentracore_cycles_total', help: 'Analysis cycles run since the engine started.', registers });
    // Every level exists from the start, so rate() and increase() see the first alert.
    for (const level of ALERT_LEVELS) this.alertsFired.inc({ level }, 0);
  }

  onModuleInit(): void {
    this.subscriptions.push(
      this.events.alerts.subscribe((alert) => this.alertsFired.inc({ level: alert.level })),
      this.events.cycles.subscribe(() => this.cycles.inc()),
    );
  }

  onApplicationShutdown(): void {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
  }

  /** Sets the gauges from the status GET /api/v1/status would serve now (checkpoint values on a warm start). */
  refresh(): void {
    this.set(this.engine.status());
    for (const [channel, count] of Object.entries(this.clients.snapshot())) this.liveClients.set({ channel }, count);
  }

  private set(status: StatusRecord): void {
    const g = this.gauges;
    g.cpu.set(known(status.stress?.pressures?.cpu));
    g.memory.set(known(status.stress?.pressures?.memory));
    g.disk.set(known(status.stress?.pressures?.disk));
    g.stress.set(known(status.stress?.score));
    g.stability.set(known(status.stability?.score));
    g.anomaly.set(known(status.anomaly?.score));
    g.risk.set(known(status.prediction?.risk_score));
    g.baselineSamples.set(status.engine.baseline_samples);
    g.baselineReady.set(status.engine.baseline_ready ? 1 : 0);
  }
}
