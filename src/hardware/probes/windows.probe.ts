// Windows: CPU times and memory from Node's os module, everything else from one PowerShell per component.
import { cpuReport } from '../grading/cpu-grade.js';
import { disksReport } from '../grading/disk-grade.js';
import { memoryReport } from '../grading/memory-grade.js';
import type { CommandResult, HardwareHost } from '../host/hardware-host.js';
import type { HardwareOptions } from '../hardware.options.js';
import type { ComponentReport } from '../model/component-report.js';
import { parseWindowsDisks } from '../parsers/windows-disks.parser.js';
import { parseWindowsCpu, parseWindowsMemory } from '../parsers/windows.parser.js';
import type { PlatformProbe } from './platform-probe.js';
import { perCoreBusyPct, type Counters, type RateWindow } from './rate-window.js';
import { CPU_SCRIPT, DISKS_SCRIPT, MEMORY_SCRIPT, powershellArgv } from './windows.scripts.js';

export class WindowsProbe implements PlatformProbe {
  constructor(
    private readonly host: HardwareHost,
    private readonly options: HardwareOptions,
  ) {}

  private powershell(script: string, timeoutMs: number): Promise<CommandResult> {
    return this.host.run(powershellArgv(script), { timeoutMs, maxOutputBytes: this.options.maxOutputBytes });
  }

  counters(): Promise<Counters> {
    return Promise.resolve({ atMs: this.host.monotonicMs(), cpu: this.host.cpuTimes() });
  }

  /** Without the CIM answer (no admin, no vendor driver) the temperature is null and the clock unknown; load still grades. */
  async cpu(window: RateWindow): Promise<ComponentReport> {
    const result = await this.powershell(CPU_SCRIPT, this.options.powershell.cpuTimeoutMs);
    const facts = parseWindowsCpu(result.stdout);
    return cpuReport({
      ...facts,
      perCorePct: perCoreBusyPct(window.start.cpu, window.end.cpu),
      sensors: [],
      coreThrottleCount: null,
      packageThrottleCount: null,
      throttleEventsSinceLastProbe: null,
    });
  }

  /** Windows has no swap-in/out counters without performance counters, so the rates are null (not 0.0). */
  async memory(_window: RateWindow): Promise<ComponentReport> {
    const result = await this.powershell(MEMORY_SCRIPT, this.options.powershell.memoryTimeoutMs);
    const { modules, swap } = parseWindowsMemory(result.stdout);
    const { totalBytes, availableBytes } = this.host.memory();
    return memoryReport({
      totalBytes,
      usedBytes: totalBytes - availableBytes,
      availableBytes,
      swap,
      swapInBps: null,
      swapOutBps: null,
      correctedErrors: null,
      uncorrectedErrors: null,
      modules,
    });
  }

  async disks(): Promise<ComponentReport> {
    const result = await this.powershell(DISKS_SCRIPT, this.options.powershell.disksTimeoutMs);
    const disks = parseWindowsDisks(result.stdout);
    const issues = disks.parsed ? [] : [`Get-PhysicalDisk query failed: ${result.failure ?? (result.stderr.trim().split('\n')[0] || 'no output')}`];
    return disksReport(disks.physical, disks.volumes, issues);
  }
}
