// Mounted filesystems and their free space, for Linux and macOS (Windows gets them from CIM).
import { volumeRow, type Volume } from '../grading/disk-grade.js';
import type { HardwareHost } from '../host/hardware-host.js';
import type { MountEntry } from '../parsers/proc.parser.js';
import { mapInOrder } from './host-reads.js';

/** Read-only images are always 100 % full (snap's squashfs): grading their free space would only raise false alarms. */
const IMAGE_FILESYSTEMS = new Set(['squashfs', 'iso9660', 'udf', 'erofs', 'cramfs']);

/** The mounts worth grading: writable, device-backed, one row per mountpoint (the last mount shadows earlier ones). */
export function gradedMounts(mounts: MountEntry[], deviceTypes?: Set<string>): MountEntry[] {
  const byMountpoint = new Map<string, MountEntry>();
  for (const mount of mounts) {
    if (deviceTypes && !deviceTypes.has(mount.fstype)) continue;
    if (IMAGE_FILESYSTEMS.has(mount.fstype) || mount.options.includes('ro') || mount.options.includes('read-only')) {
      byMountpoint.delete(mount.mountpoint);
      continue;
    }
    byMountpoint.delete(mount.mountpoint);
    byMountpoint.set(mount.mountpoint, mount);
  }
  return [...byMountpoint.values()];
}

/** Volume rows for `mounts`; a mountpoint whose usage cannot be read is skipped, as the earlier engine does. */
export async function readVolumes(host: HardwareHost, mounts: MountEntry[]): Promise<Volume[]> {
  const rows = await mapInOrder(mounts, async (mount) => {
    const usage = await host.fsUsage(mount.mountpoint);
    if (!usage) return undefined;
    const used = Math.max(0, usage.totalBytes - usage.freeBytes);
    return volumeRow({ mountpoint: mount.mountpoint, device: mount.device, fstype: mount.fstype }, usage.totalBytes, used, usage.availableBytes);
  });
  return rows.filter((row): row is Volume => row !== undefined);
}
