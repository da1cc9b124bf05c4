// CPU facts from /sys/devices/system/cpu and /proc/cpuinfo, read as psutil does.
import type { HardwareHost } from '../host/hardware-host.js';
import { parseCpuinfo } from '../parsers/proc.parser.js';
import { listMatching, mapInOrder, readNumber, readTrimmed } from './host-reads.js';

const CPU_DIR = '/sys/devices/system/cpu';

export interface LinuxCpuFacts {
  coresPhysical: number;
  freqCurrentMhz: number | null;
  freqMaxMhz: number | null;
  /** core_throttle_count summed over physical cores, package_throttle_count over packages (hyper-threads share both). */
  coreThrottleCount: number | null;
  packageThrottleCount: number | null;
}

interface PerCpu {
  curKhz?: number;
  maxKhz?: number;
  siblings?: string;
  packageId?: string;
  coreThrottles?: number;
  packageThrottles?: number;
}

async function readCpu(host: HardwareHost, cpu: string): Promise<PerCpu> {
  const dir = `${CPU_DIR}/${cpu}`;
  return {
    curKhz: await readNumber(host, `${dir}/cpufreq/scaling_cur_freq`),
    maxKhz: await readNumber(host, `${dir}/cpufreq/cpuinfo_max_freq`),
    siblings: (await readTrimmed(host, `${dir}/topology/core_cpus_list`)) ?? (await readTrimmed(host, `${dir}/topology/thread_siblings_list`)),
    packageId: await readTrimmed(host, `${dir}/topology/physical_package_id`),
    coreThrottles: await readNumber(host, `${dir}/thermal_throttle/core_throttle_count`),
    packageThrottles: await readNumber(host, `${dir}/thermal_throttle/package_throttle_count`),
  };
}

const defined = (values: (number | undefined)[]): number[] => values.filter((value): value is number => value !== undefined);

/** The sum of `count` over the groups `key` names (each group counted once; CPUs without a key each count). */
function sumPerGroup(cpus: PerCpu[], key: (cpu: PerCpu) => string | undefined, count: (cpu: PerCpu) => number | undefined): number | null {
  const seen = new Set<string>();
  let total: number | null = null;
  cpus.forEach((cpu, index) => {
    const value = count(cpu);
    const group = key(cpu) ?? `cpu${index}`;
    if (value === undefined || seen.has(group)) return;
    seen.add(group);
    total = (total ?? 0) + value;
  });
  return total;
}
const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Physical cores, clock (cpufreq, else /proc/cpuinfo with no maximum, as on most VMs) and throttle counters. */
export async function readLinuxCpu(host: HardwareHost): Promise<LinuxCpuFacts> {
  const cpus = await mapInOrder(await listMatching(host, CPU_DIR, /^cpu\d+$/), (cpu) => readCpu(host, cpu));
  const cur = defined(cpus.map((cpu) => cpu.curKhz));
  const max = defined(cpus.map((cpu) => cpu.maxKhz));
  const siblings = new Set(cpus.flatMap((cpu) => cpu.siblings ?? []));
  const needCpuinfo = siblings.size === 0 || cur.length === 0;
  const cpuinfo = needCpuinfo ? parseCpuinfo((await host.readText('/proc/cpuinfo')) ?? '') : undefined;
  return {
    coresPhysical: siblings.size || (cpuinfo?.physicalCores ?? 0),
    freqCurrentMhz: cur.length > 0 ? meanOf(cur) / 1000 : (cpuinfo?.meanMhz ?? null),
    freqMaxMhz: max.length > 0 ? Math.max(...max) / 1000 : null,
    coreThrottleCount: sumPerGroup(
      cpus,
      (cpu) => cpu.siblings,
      (cpu) => cpu.coreThrottles,
    ),
    packageThrottleCount: sumPerGroup(
      cpus,
      (cpu) => cpu.packageId,
      (cpu) => cpu.packageThrottles,
    ),
  };
}
