// Linux /proc text files, parsed as psutil reads them so the numbers match the earlier engine.

const KIB = 1024;

/** /proc/meminfo as bytes per field. */
export function parseMeminfo(text: string): Map<string, number> {
  const fields = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\w+(?:\(\w+\))?):\s+(\d+)(?:\s+kB)?/.exec(line);
    if (match) fields.set(match[1], Number(match[2]) * (line.includes('kB') ? KIB : 1));
  }
  return fields;
}

export interface MemoryFigures {
  totalBytes: number;
  usedBytes: number;
  availableBytes: number;
  swapTotalBytes: number;
  swapUsedBytes: number;
}

/** psutil's virtual_memory() and swap_memory() from /proc/meminfo; undefined without MemTotal. */
export function memoryFromMeminfo(fields: Map<string, number>): MemoryFigures | undefined {
  const total = fields.get('MemTotal');
  if (!total) return undefined;
  const free = fields.get('MemFree') ?? 0;
  const buffers = fields.get('Buffers') ?? 0;
  const cached = (fields.get('Cached') ?? 0) + (fields.get('SReclaimable') ?? 0);
  const available = Math.min(total, fields.get('MemAvailable') ?? free + buffers + cached);
  let used = total - free - buffers - cached;
  if (used < 0) used = total - free;
  const swapTotal = fields.get('SwapTotal') ?? 0;
  const swapUsed = Math.max(0, swapTotal - (fields.get('SwapFree') ?? swapTotal));
  return {
    totalBytes: total,
    usedBytes: used,
    availableBytes: available,
    swapTotalBytes: swapTotal,
    swapUsedBytes: swapUsed,
  };
}

/** Pages swapped in and out since boot, from /proc/vmstat; undefined when the counters are missing. */
export function parseVmstatSwap(text: string): { inPages: number; outPages: number } | undefined {
  const inPages = /^pswpin (\d+)$/m.exec(text);
  const outPages = /^pswpout (\d+)$/m.exec(text);
  return inPages && outPages ? { inPages: Number(inPages[1]), outPages: Number(outPages[1]) } : undefined;
}

export interface MountEntry {
  device: string;
  mountpoint: string;
  fstype: string;
  options: string[];
}

// The kernel escapes space, tab, newline and backslash in mount paths as octal.
const unescapeMount = (field: string): string => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** /proc/mounts lines. */
export function parseMounts(text: string): MountEntry[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 4)
    .map(([device, mountpoint, fstype, options]) => ({
      device: unescapeMount(device),
      mountpoint: unescapeMount(mountpoint),
      fstype,
      options: options.split(','),
    }));
}

/** Filesystem types backed by a device (/proc/filesystems lines without `nodev`), as psutil's disk_partitions(all=False). */
export function deviceFilesystems(text: string): Set<string> {
  const types = new Set<string>(['zfs']);
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length === 1 && fields[0]) types.add(fields[0]);
  }
  return types;
}

/** /proc/cpuinfo: the mean `cpu MHz` and the number of distinct (physical id, core id) pairs. */
export function parseCpuinfo(text: string): { meanMhz: number | undefined; physicalCores: number } {
  const mhz: number[] = [];
  const cores = new Set<string>();
  for (const block of text.split(/\n\s*\n/)) {
    const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(block)?.[1].trim();
    const speed = Number(field('cpu MHz'));
    if (field('cpu MHz') !== undefined && Number.isFinite(speed)) mhz.push(speed);
    const core = field('core id');
    if (core !== undefined) cores.add(`${field('physical id') ?? '0'}:${core}`);
  }
  return { meanMhz: mhz.length > 0 ? mhz.reduce((a, b) => a + b, 0) / mhz.length : undefined, physicalCores: cores.size };
}
