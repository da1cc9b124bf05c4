// The default TelemetrySource: reads the machine the engine runs on (SPEC §5 "Snapshot").
import type { OnApplicationShutdown } from '@nestjs/common';
import * as os from 'node:os';
import { ProcTelemetrySource, type ProcTelemetrySourceOptions } from './proc.source.js';
import type { SnapshotRecord } from './snapshot.record.js';
import { SystemInformationTelemetrySource } from './systeminformation.source.js';
import type { SampleRequest, TelemetrySource } from './telemetry-source.js';

export interface SystemTelemetrySourceOptions extends ProcTelemetrySourceOptions {
  /** Defaults to `process.platform`. */
  platform?: NodeJS.Platform;
}

/**
 * Picks the cheapest reader per platform: plain /proc reads on Linux (no child processes, no
 * systeminformation), systeminformation elsewhere. systeminformation is imported only on
 * those platforms, so a Linux engine never pays the memory for loading it.
 */
export class SystemTelemetrySource implements TelemetrySource, OnApplicationShutdown {
  private delegate: TelemetrySource | Promise<TelemetrySource> | undefined;
  private readonly platform: NodeJS.Platform;

  constructor(private readonly options: SystemTelemetrySourceOptions = {}) {
    this.platform = options.platform ?? process.platform;
    if (this.platform === 'linux' || this.platform === 'android') this.delegate = new ProcTelemetrySource(options);
  }

  runningPids(): ReadonlySet<number> | undefined {
    return this.delegate instanceof Promise ? undefined : this.delegate?.runningPids?.();
  }

  async sample(request: SampleRequest): Promise<SnapshotRecord> {
    // A failed import is retried on the next cycle rather than remembered forever.
    this.delegate ??= this.loadSystemInformation().catch((error: unknown) => {
      this.delegate = undefined;
      throw error;
    });
    return (await this.delegate).sample(request);
  }

  /**
   * Closes the /proc descriptors kept between cycles. Nest calls it on app.close(), so apps
   * created and closed over and over (tests, host apps) do not pile up descriptors.
   */
  onApplicationShutdown(): void {
    if (this.delegate instanceof ProcTelemetrySource) this.delegate.close();
  }

  private async loadSystemInformation(): Promise<TelemetrySource> {
    const si = await import('systeminformation');
    const source = new SystemInformationTelemetrySource(si, os, {
      memoryFromOs: this.platform === 'win32',
      processCpuPerCore: this.platform !== 'win32',
      processLimit: this.options.processLimit,
    });
    this.delegate = source; // settled: later calls (runningPids above all) need no await
    return source;
  }
}
