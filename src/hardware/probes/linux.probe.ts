// Linux: /proc and /sys for CPU, memory and volumes; smartctl for SMART (docs/hardware.md).
import { cpuReport } from '../grading/cpu-grade.js';
import { disksReport } from '../grading/disk-grade.js';
import { memoryReport } from '../grading/memory-grade.js';
import type { HardwareHost } from '../host/hardware-host.js';
import type { HardwareOptions } from '../hardware.options.js';
import type { ComponentReport } from '../model/component-report.js';
import { deviceFilesystems, memoryFromMeminfo, parseMeminfo, parseMounts, parseVmstatSwap } from '../parsers/proc.parser.js';
import { listBlockDisks } from './linux-block.js';
import { readLinuxCpu } from './linux-cpu.js';
import { readEdac } from './linux-memory.js';
import { readTemperatures } from './linux-sensors.js';
import type { PlatformProbe } from './platform-probe.js';
import { perCoreBusyPct, swapRates, type Counters, type RateWindow } from './rate-window.js';
import { readSmartctl } from './smartctl.probe.js';
import { gradedMounts, readVolumes } from './volumes.js';

// /proc/vmstat counts swapped pages; psutil converts them with a 4 KiB page, and so do we.
const SWAP_PAGE_BYTES = 4096;

export class LinuxProbe implements PlatformProbe {
  /** Throttle counters at the previous CPU probe, to report only new throttling. */
  private previousThrottles: number | undefined;

  constructor(
    private readonly host: HardwareHost,
    private readonly options: HardwareOptions,
  ) {}

  async counters(): Promise<Counters> {
    const swap = parseVmstatSwap((await this.host.readText('/proc/vmstat')) ?? '');
    return {
      atMs: this.host.monotonicMs(),
      cpu: this.host.cpuTimes(),
      ...(swap && { swap: { inBytes: swap.inPages * SWAP_PAGE_BYTES, outBytes: swap.outPages * SWAP_PAGE_BYTES } }),
    };
  }

  async cpu(window: RateWindow): Promise<ComponentReport> {
    const facts = await readLinuxCpu(this.host);
    const { maxTempC, sensors } = await readTemperatures(this.host);
    const throttles =
      facts.coreThrottleCount === null && facts.packageThrottleCount === null ? undefined : (facts.coreThrottleCount ?? 0) + (facts.packageThrottleCount ?? 0);
    const grown = throttles !== undefined && this.previousThrottles !== undefined ? Math.max(0, throttles - this.previousThrottles) : null;
    this.previousThrottles = throttles;
    return cpuReport({ ...facts, perCorePct: perCoreBusyPct(window.start.cpu, window.end.cpu), maxTempC, sensors, throttleEventsSinceLastProbe: grown });
  }

  async memory(window: RateWindow): Promise<ComponentReport> {
    const figures = memoryFromMeminfo(parseMeminfo((await this.host.readText('/proc/meminfo')) ?? ''));
    if (!figures) return { status: 'unknown', metrics: {}, issues: ['/proc/meminfo could not be read'], items: [] };
    const edac = await readEdac(this.host);
    const rates = swapRates(window);
    return memoryReport({
      ...figures,
      swap: { totalBytes: figures.swapTotalBytes, usedBytes: figures.swapUsedBytes },
      swapInBps: rates.inBps,
      swapOutBps: rates.outBps,
      ...edac,
    });
  }

  async disks(): Promise<ComponentReport> {
    const blocks = await listBlockDisks(this.host);
    const smart = await readSmartctl(this.host, this.options, blocks);
    const mounts = parseMounts((await this.host.readText('/proc/mounts')) ?? '');
    const types = deviceFilesystems((await this.host.readText('/proc/filesystems')) ?? '');
    const volumes = await readVolumes(this.host, gradedMounts(mounts, types));
    return disksReport(smart.disks, volumes, smart.issues);
  }
}
