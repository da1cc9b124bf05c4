// SMART health through smartctl (Linux and macOS), as the earlier engine does, with a time budget.
import type { PhysicalDisk } from '../grading/disk-grade.js';
import type { CommandResult, HardwareHost } from '../host/hardware-host.js';
import type { HardwareOptions } from '../hardware.options.js';
import { parseSmartctlInfo, parseSmartctlScan, type SmartctlScanDevice } from '../parsers/smartctl.parser.js';
import type { BlockDisk } from './linux-block.js';

/** Where smartmontools installs (sbin is often missing from a service's or a user's PATH). */
export const SMARTCTL_DIRS = [
  '/usr/sbin',
  '/usr/local/sbin',
  '/sbin',
  '/usr/bin',
  '/usr/local/bin',
  '/opt/homebrew/sbin',
  '/opt/homebrew/bin',
  '/opt/local/sbin',
];

interface Target {
  path: string;
  type: string | null;
  openError?: string | null;
  block?: BlockDisk;
}

// smartctl --scan names an NVMe controller (/dev/nvme0); /sys/block names its namespace (nvme0n1).
const controllerOf = (path: string) => path.replace(/^(\/dev\/nvme\d+)n\d+$/, '$1');

/** The scan's devices, plus the known block disks the scan did not list (smartctl then names why). */
function targetsOf(scanned: SmartctlScanDevice[], blocks: BlockDisk[]): Target[] {
  const targets: Target[] = scanned.map((device) => ({ path: device.name, type: device.type, openError: device.openError }));
  for (const block of blocks) {
    const match = targets.find((target) => controllerOf(target.path) === controllerOf(block.path) && !target.block);
    if (match) match.block = block;
    else targets.push({ path: block.path, type: null, block });
  }
  return targets;
}

/** A row for a disk whose SMART data could not be read. */
export function unreadDisk(path: string, block: BlockDisk | undefined, issue: string, source = 'smartctl'): PhysicalDisk {
  return {
    device_id: path,
    name: block?.model ?? path,
    model: block?.model ?? null,
    serial: block?.serial ?? null,
    media_type: block?.mediaType ?? null,
    bus_type: block?.busType ?? null,
    size_bytes: block?.sizeBytes ?? null,
    smart: { source, passed: null, attributes_present: false },
    status: 'unknown',
    issues: [issue],
  };
}

function diskRow(target: Target, result: CommandResult): PhysicalDisk {
  if (result.failure) return unreadDisk(target.path, target.block, `SMART unavailable: ${result.failure}`);
  const smart = parseSmartctlInfo(result.stdout);
  const model = smart.model ?? target.block?.model ?? null;
  return {
    device_id: target.path,
    name: model ?? target.path,
    model,
    serial: smart.serial ?? target.block?.serial ?? null,
    media_type: smart.mediaType ?? target.block?.mediaType ?? null,
    // The sysfs path knows a USB bridge even when smartctl talks SAT through it.
    bus_type: target.block?.busType ?? smart.busType,
    size_bytes: smart.sizeBytes ?? target.block?.sizeBytes ?? null,
    smart: smart.smart,
    status: smart.status,
    issues: smart.issues,
  };
}

export interface SmartctlResult {
  disks: PhysicalDisk[];
  /** Problems with no disk to hang them on (no smartctl on macOS). */
  issues: string[];
}

/** Every disk's SMART grade; a missing smartctl or an unreadable disk gives `unknown` with the reason. */
export async function readSmartctl(host: HardwareHost, options: HardwareOptions, blocks: BlockDisk[]): Promise<SmartctlResult> {
  const limits = options.smartctl;
  const tool = (await host.findTool('smartctl', SMARTCTL_DIRS)) ?? 'smartctl';
  const scan = await host.run([tool, '--scan-open', '--json'], { timeoutMs: limits.scanTimeoutMs, maxOutputBytes: options.maxOutputBytes });
  if (scan.failure) {
    const issue = scan.notFound ? 'SMART not checked: smartctl not found (install smartmontools)' : `SMART not checked: ${scan.failure}`;
    return blocks.length > 0 ? { disks: blocks.map((block) => unreadDisk(block.path, block, issue)), issues: [] } : { disks: [], issues: [issue] };
  }
  const deadline = host.monotonicMs() + limits.budgetMs;
  const read = async (target: Target): Promise<PhysicalDisk> => {
    if (target.openError) return unreadDisk(target.path, target.block, `SMART unavailable: ${target.openError}`);
    const remainingMs = deadline - host.monotonicMs();
    if (remainingMs <= 0) return unreadDisk(target.path, target.block, `SMART not read: the ${limits.budgetMs / 1000} s budget for all disks ran out`);
    const argv = [tool, '-a', '--json', ...(target.type ? ['-d', target.type] : []), target.path];
    const timeoutMs = Math.min(limits.deviceTimeoutMs, remainingMs);
    return diskRow(target, await host.run(argv, { timeoutMs, maxOutputBytes: options.maxOutputBytes }));
  };
  return { disks: await mapLimit(targetsOf(parseSmartctlScan(scan.stdout), blocks), limits.concurrency, read), issues: [] };
}

/** `items` mapped with at most `limit` in flight, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
