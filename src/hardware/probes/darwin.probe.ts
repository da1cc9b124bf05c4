// macOS: sysctl and vm_stat for CPU and memory, smartctl for SMART, mount + statfs for volumes.
import { cpuReport } from '../grading/cpu-grade.js';
import { disksReport } from '../grading/disk-grade.js';
import { memoryReport } from '../grading/memory-grade.js';
import type { HardwareHost } from '../host/hardware-host.js';
import type { HardwareOptions } from '../hardware.options.js';
import type { ComponentReport } from '../model/component-report.js';
import { darwinMemory, parseDarwinMounts, parseSwapUsage, parseSysctl, parseVmStat } from '../parsers/darwin.parser.js';
import type { PlatformProbe } from './platform-probe.js';
import { perCoreBusyPct, swapRates, type Counters, type RateWindow } from './rate-window.js';
import { readSmartctl } from './smartctl.probe.js';
import { gradedMounts, readVolumes } from './volumes.js';

const TOOL_TIMEOUT_MS = 3000;

/** APFS system volumes share the container's space with the data volume: grade only /, Data and /Volumes. */
const isUserVolume = (mountpoint: string) => !mountpoint.startsWith('/System/Volumes/') || mountpoint === '/System/Volumes/Data';

export class DarwinProbe implements PlatformProbe {
  constructor(
    private readonly host: HardwareHost,
    private readonly options: HardwareOptions,
  ) {}

  private async output(argv: string[]): Promise<string> {
    return (await this.host.run(argv, { timeoutMs: TOOL_TIMEOUT_MS, maxOutputBytes: this.options.maxOutputBytes })).stdout;
  }

  async counters(): Promise<Counters> {
    const vmStat = parseVmStat(await this.output(['vm_stat']));
    const swapins = vmStat.counts.get('Swapins');
    const swapouts = vmStat.counts.get('Swapouts');
    const swap = swapins !== undefined && swapouts !== undefined ? { inBytes: swapins * vmStat.pageBytes, outBytes: swapouts * vmStat.pageBytes } : undefined;
    return { atMs: this.host.monotonicMs(), cpu: this.host.cpuTimes(), ...(swap && { swap }) };
  }

  /** macOS offers no temperature without root (powermetrics), so max_temp_c is null as in the earlier engine. */
  async cpu(window: RateWindow): Promise<ComponentReport> {
    const sysctl = parseSysctl(await this.output(['sysctl', 'hw.physicalcpu', 'hw.cpufrequency', 'hw.cpufrequency_max']));
    const hz = (name: string) => (sysctl.has(name) && Number(sysctl.get(name)) > 0 ? Number(sysctl.get(name)) / 1e6 : null);
    return cpuReport({
      perCorePct: perCoreBusyPct(window.start.cpu, window.end.cpu),
      coresPhysical: Number(sysctl.get('hw.physicalcpu') ?? 0) || 0,
      freqCurrentMhz: hz('hw.cpufrequency'),
      freqMaxMhz: hz('hw.cpufrequency_max'),
      maxTempC: null,
      sensors: [],
      coreThrottleCount: null,
      packageThrottleCount: null,
      throttleEventsSinceLastProbe: null,
    });
  }

  async memory(window: RateWindow): Promise<ComponentReport> {
    const sysctl = parseSysctl(await this.output(['sysctl', 'hw.memsize', 'vm.swapusage']));
    const totalBytes = Number(sysctl.get('hw.memsize') ?? 0) || this.host.memory().totalBytes;
    const vmStat = parseVmStat(await this.output(['vm_stat']));
    if (!vmStat.counts.has('Pages free')) return { status: 'unknown', metrics: {}, issues: ['vm_stat gave no page counts'], items: [] };
    const { usedBytes, availableBytes } = darwinMemory(totalBytes, vmStat);
    const rates = swapRates(window);
    return memoryReport({
      totalBytes,
      usedBytes,
      availableBytes,
      swap: parseSwapUsage(sysctl.get('vm.swapusage')),
      swapInBps: rates.inBps,
      swapOutBps: rates.outBps,
      correctedErrors: null,
      uncorrectedErrors: null,
      modules: [],
    });
  }

  async disks(): Promise<ComponentReport> {
    const smart = await readSmartctl(this.host, this.options, []);
    const mounts = parseDarwinMounts(await this.output(['mount'])).filter((mount) => mount.device.startsWith('/dev/') && isUserVolume(mount.mountpoint));
    return disksReport(smart.disks, await readVolumes(this.host, gradedMounts(mounts)), smart.issues);
  }
}
