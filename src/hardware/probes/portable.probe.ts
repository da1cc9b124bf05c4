// Any other platform (FreeBSD, AIX, …): what Node's os module reports, and disks left unknown.
import { cpuReport } from '../grading/cpu-grade.js';
import { disksReport } from '../grading/disk-grade.js';
import { memoryReport } from '../grading/memory-grade.js';
import type { HardwareHost } from '../host/hardware-host.js';
import type { ComponentReport } from '../model/component-report.js';
import type { PlatformProbe } from './platform-probe.js';
import { perCoreBusyPct, type Counters, type RateWindow } from './rate-window.js';

export class PortableProbe implements PlatformProbe {
  constructor(private readonly host: HardwareHost) {}

  counters(): Promise<Counters> {
    return Promise.resolve({ atMs: this.host.monotonicMs(), cpu: this.host.cpuTimes() });
  }

  cpu(window: RateWindow): Promise<ComponentReport> {
    return Promise.resolve(
      cpuReport({
        perCorePct: perCoreBusyPct(window.start.cpu, window.end.cpu),
        coresPhysical: 0,
        freqCurrentMhz: null,
        freqMaxMhz: null,
        maxTempC: null,
        sensors: [],
        coreThrottleCount: null,
        packageThrottleCount: null,
        throttleEventsSinceLastProbe: null,
      }),
    );
  }

  memory(_window: RateWindow): Promise<ComponentReport> {
    const { totalBytes, availableBytes } = this.host.memory();
    const facts = { totalBytes, usedBytes: totalBytes - availableBytes, availableBytes, swap: null, swapInBps: null, swapOutBps: null };
    return Promise.resolve(memoryReport({ ...facts, correctedErrors: null, uncorrectedErrors: null, modules: [] }));
  }

  disks(): Promise<ComponentReport> {
    return Promise.resolve(disksReport([], [], [`disk health is not probed on ${this.host.platform}`]));
  }
}
