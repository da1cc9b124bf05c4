import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { hostname } from 'node:os';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { ENGINE_VERSION } from '../engine/version.js';

/**
 * This app's own prom-client registry. Never the global default one: two engines in one process
 * (tests, or a host embedding it next to its own metrics) would otherwise register the same names twice.
 */
@Injectable()
export class MetricsRegistry implements OnApplicationShutdown {
  readonly registry = new Registry();

  constructor() {
    // process_* and nodejs_* of this process, read at each scrape.
    collectDefaultMetrics({ register: this.registry });
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
