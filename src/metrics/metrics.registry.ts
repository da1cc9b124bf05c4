import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { ENGINE_VERSION } from '../common/package.js';

const EVENT_LOOP_SAMPLING_MS = 1000;

/**
 * This app's own prom-client registry. Never the global default one: two engines in one process
 * (tests, or a host embedding it next to its own metrics) would otherwise register the same names twice.
 */
@Injectable()
export class MetricsRegistry implements OnApplicationShutdown {
  readonly registry = new Registry();

  constructor() {
    // process_* and nodejs_* of this process, read at each scrape. The event-loop delay monitor
    // samples at 1 s, not prom-client's 10 ms: 100 wake-ups a second cost ~0.4 % of a core on
    // their own (measured), more than the engine's whole budget.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLING_MS });
    new Gauge({
      name: 'sentracore_info',
      help: 'Always 1; the labels identify the engine build and the machine it watches.',
      labelNames: ['version', 'host'],
      registers: [this.registry],
    }).set({ version: ENGINE_VERSION, host: hostname() }, 1);
  }

  onApplicationShutdown(): void {
    this.registry.clear();
  }
}
