// macOS tool output: sysctl, vm_stat and mount.
import type { MountEntry } from './proc.parser.js';

/** `sysctl a b c` lines (`name: value`); unknown names print an error on stderr and are simply absent. */
export function parseSysctl(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([\w.]+):\s*(.*)$/.exec(line.trim());
    if (match) values.set(match[1], match[2].trim());
  }
  return values;
}

/** `vm_stat`: the page size and each `Pages …` / `Swapins` counter. */
export function parseVmStat(text: string): { pageBytes: number; counts: Map<string, number> } {
  const pageBytes = Number(/page size of (\d+) bytes/.exec(text)?.[1] ?? 4096);
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^"?([^:"]+)"?:\s+(\d+)\.?$/.exec(line.trim());
    if (match) counts.set(match[1].trim(), Number(match[2]));
  }
  return { pageBytes, counts };
}

/** psutil's virtual_memory() on macOS: available = free + inactive, used = active + wired. */
export function darwinMemory(totalBytes: number, vmStat: ReturnType<typeof parseVmStat>): { usedBytes: number; availableBytes: number } {
  const pages = (name: string) => (vmStat.counts.get(name) ?? 0) * vmStat.pageBytes;
  return {
    usedBytes: pages('Pages active') + pages('Pages wired down'),
    availableBytes: Math.min(totalBytes, pages('Pages free') + pages('Pages inactive')),
  };
}

const UNIT: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** `vm.swapusage: total = 2048.00M  used = 1024.50M  free = 1023.50M  (encrypted)`. */
export function parseSwapUsage(value: string | undefined): { totalBytes: number; usedBytes: number } | null {
  const total = value && /total = ([\d.]+)([KMGT])/.exec(value);
  const used = value && /used = ([\d.]+)([KMGT])/.exec(value);
  if (!total || !used) return null;
  return { totalBytes: Math.round(Number(total[1]) * UNIT[total[2]]), usedBytes: Math.round(Number(used[1]) * UNIT[used[2]]) };
}

/** `mount` lines: `/dev/disk3s1 on /System/Volumes/Data (apfs, local, journaled, nobrowse)`. */
export function parseDarwinMounts(text: string): MountEntry[] {
  return text.split('\n').flatMap((line) => {
    const match = /^(.+?) on (.+) \(([^,)]+)(?:, ([^)]*))?\)$/.exec(line.trim());
    if (!match) return [];
    return [{ device: match[1], mountpoint: match[2], fstype: match[3], options: (match[4] ?? '').split(',').map((option) => option.trim()) }];
  });
}
