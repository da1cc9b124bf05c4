import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock.js';
import { HARDWARE_HOST, type HardwareHost } from './host/hardware-host.js';
import { HARDWARE_OPTIONS, type HardwareOptions } from './hardware.options.js';
import { ComponentCache, type Measurement } from './model/component-cache.js';
import { COMPONENT_NAMES, failedComponent, type ComponentName, type ComponentReport, type HealthReport } from './model/component-report.js';
import { assembleReport } from './model/report.js';
import { round } from './model/round.js';
import { SingleFlight } from './model/single-flight.js';
import type { PlatformProbe } from './probes/platform-probe.js';
import { PLATFORM_PROBE } from './probes/probe-factory.js';
import type { RateWindow } from './probes/rate-window.js';

/**
 * Hardware health with a per-component cache and single flight (docs/hardware.md): a measurement is
 * served for `ttlSec` after its probe finished; callers that arrive while a component is being
 * probed share that probe; a component test refreshes its component and never extends the others.
 */
@Injectable()
export class HardwareHealthService {
  private readonly logger = new Logger(HardwareHealthService.name);
  private readonly cache: ComponentCache;
  private readonly flights = new SingleFlight<ComponentName, Measurement>();

  constructor(
    @Inject(PLATFORM_PROBE) private readonly probe: PlatformProbe,
    @Inject(HARDWARE_HOST) private readonly host: HardwareHost,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HARDWARE_OPTIONS) private readonly options: HardwareOptions,
  ) {
    this.cache = new ComponentCache(options.ttlSec * 1000);
  }

  /** Every component: fresh measurements from the cache (unless `refresh`), the rest probed now. */
  async health(refresh: boolean): Promise<HealthReport> {
    const nowMs = this.clock.nowMs();
    const cached = refresh ? [] : COMPONENT_NAMES.filter((name) => this.cache.fresh(name, nowMs));
    const probing = this.measure(COMPONENT_NAMES.filter((name) => !cached.includes(name)));
    const measurements: Partial<Record<ComponentName, Measurement>> = {};
    for (const name of cached) measurements[name] = this.cache.fresh(name, nowMs);
    for (const [name, run] of probing) measurements[name] = await run;
    return assembleReport(measurements, this.clock.nowMs(), this.options.ttlSec);
  }

  /** One component probed now; the others only while their own measurement is still valid. */
  async test(target: ComponentName): Promise<HealthReport> {
    const measured = await this.measure([target]).get(target)!;
    const nowMs = this.clock.nowMs();
    const measurements: Partial<Record<ComponentName, Measurement>> = { [target]: measured };
    for (const name of COMPONENT_NAMES) if (name !== target) measurements[name] = this.cache.fresh(name, nowMs);
    return assembleReport(measurements, nowMs, this.options.ttlSec);
  }

  /** Joins the probes in flight and starts one batch for the rest. */
  private measure(names: readonly ComponentName[]): Map<ComponentName, Promise<Measurement>> {
    const runs = new Map<ComponentName, Promise<Measurement>>();
    const start = names.filter((name) => !this.flights.current(name));
    const batch = this.runBatch(start);
    for (const name of names) runs.set(name, this.flights.current(name) ?? this.flights.track(name, batch.get(name)!));
    return runs;
  }

  /**
   * Probes `names` together. CPU load and swap rates come from counters read around one window;
   * every other probe (the commands that spawn processes) waits until the window has closed, so
   * the probes' own work never shows up in the CPU load they report.
   */
  private runBatch(names: readonly ComponentName[]): Map<ComponentName, Promise<Measurement>> {
    const runs = new Map<ComponentName, Promise<Measurement>>();
    if (names.length === 0) return runs;
    const startedMs = this.host.monotonicMs();
    const needsWindow = names.includes('cpu') || names.includes('memory');
    const window = needsWindow ? this.window() : Promise.resolve(undefined);
    const probes: Record<ComponentName, (window: RateWindow) => Promise<ComponentReport>> = {
      cpu: (w) => this.probe.cpu(w),
      memory: (w) => this.probe.memory(w),
      disks: () => this.probe.disks(),
    };
    for (const name of names) {
      const run = window.then(
        (w) => this.guarded(name, () => probes[name](w!)),
        (error: unknown) => this.guarded(name, () => Promise.reject(error)),
      );
      runs.set(
        name,
        run.then((report) => this.store(name, report, startedMs)),
      );
    }
    return runs;
  }

  private async window(): Promise<RateWindow> {
    const start = await this.probe.counters();
    await this.host.sleep(this.options.windowMs);
    return { start, end: await this.probe.counters() };
  }

  private store(name: ComponentName, report: ComponentReport, startedMs: number): Measurement {
    const measurement = { report, measuredAtMs: this.clock.nowMs(), probeMs: round(this.host.monotonicMs() - startedMs, 1) };
    this.cache.store(name, measurement);
    return measurement;
  }

  /** A probe that throws or overruns its deadline becomes `unknown` with the reason; it never fails the request. */
  private async guarded(name: ComponentName, probe: () => Promise<ComponentReport>): Promise<ComponentReport> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`did not finish within ${this.options.probeDeadlineMs / 1000} s`)), this.options.probeDeadlineMs);
      timer.unref();
    });
    try {
      return await Promise.race([probe(), deadline]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn({ message: `hardware probe '${name}' failed`, error: message });
      return failedComponent(`probe_failed: ${message}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
