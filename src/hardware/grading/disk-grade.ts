import type { ComponentReport } from '../model/component-report.js';
import { round } from '../model/round.js';
import { worstStatus, type HealthStatus } from '../model/status.js';

export const FREE_WARN_PCT = 15;
export const FREE_CRIT_PCT = 5;

/** A physical disk row (docs/extras.md "Hardware health"); `smart` depends on the source. */
export interface PhysicalDisk {
  device_id: string;
  name: string;
  model: string | null;
  serial: string | null;
  media_type: string | null;
  bus_type: string | null;
  size_bytes: number | null;
  smart: Record<string, unknown>;
  status: HealthStatus;
  issues: string[];
}

export interface Volume {
  mountpoint: string;
  device: string;
  fstype: string;
  total_bytes: number;
  used_bytes: number;
  free_bytes: number;
  free_percent: number;
  status: HealthStatus;
  issues: string[];
}

/**
 * A volume row. `free_bytes` is what unprivileged users can still write, and `free_percent` is
 * free_bytes / total_bytes, so the percentage agrees with the bytes shown beside it (the earlier
 * engine's used / (used + free) read much higher on filesystems with reserved blocks).
 */
export function volumeRow(mount: { mountpoint: string; device: string; fstype: string }, totalBytes: number, usedBytes: number, freeBytes: number): Volume {
  const freePercent = totalBytes > 0 ? (freeBytes / totalBytes) * 100 : 0;
  let status: HealthStatus = 'healthy';
  const issues: string[] = [];
  if (freePercent <= FREE_CRIT_PCT) {
    status = 'critical';
    issues.push(`Only ${Math.round(freePercent)}% free`);
  } else if (freePercent <= FREE_WARN_PCT) {
    status = 'warning';
    issues.push(`${Math.round(freePercent)}% free`);
  }
  return {
    ...mount,
    total_bytes: totalBytes,
    used_bytes: usedBytes,
    free_bytes: freeBytes,
    free_percent: round(freePercent, 1),
    status,
    issues,
  };
}

/**
 * The disks component: worst of every row and of `componentIssues` (each counts as unknown, e.g. a
 * missing smartctl); row issues repeated with the disk name or mountpoint in front; physical rows
 * first, then volumes.
 */
export function disksReport(physical: PhysicalDisk[], volumes: Volume[], componentIssues: string[] = []): ComponentReport {
  const statuses = [...physical.map((disk) => disk.status), ...volumes.map((volume) => volume.status), ...componentIssues.map(() => 'unknown')];
  return {
    status: worstStatus(statuses),
    metrics: { physical_count: physical.length, volume_count: volumes.length },
    issues: [
      ...componentIssues,
      ...physical.flatMap((disk) => disk.issues.map((issue) => `${disk.name}: ${issue}`)),
      ...volumes.flatMap((volume) => volume.issues.map((issue) => `${volume.mountpoint}: ${issue}`)),
    ],
    items: [...physical.map((disk) => ({ kind: 'physical', ...disk })), ...volumes.map((volume) => ({ kind: 'volume', ...volume }))],
  };
}
