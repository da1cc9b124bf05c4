// Physical whole disks from /sys/block: the entries backed by a device (loop, zram, dm and md have none).
import type { HardwareHost } from '../host/hardware-host.js';
import { listMatching, mapInOrder, readNumber, readTrimmed } from './host-reads.js';

const SYS_BLOCK = '/sys/block';
const SECTOR_BYTES = 512; // /sys/block/*/size counts 512-byte sectors whatever the disk's block size

export interface BlockDisk {
  /** `/dev/sda` */
  path: string;
  model: string | null;
  serial: string | null;
  sizeBytes: number;
  mediaType: string | null;
  busType: string | null;
}

/** The bus a disk hangs off, from its resolved sysfs path (as lsblk's TRAN column). */
export function busFromSysPath(path: string | undefined): string | null {
  if (!path) return null;
  if (path.includes('/usb')) return 'USB';
  if (path.includes('/nvme')) return 'NVMe';
  if (path.includes('/virtio')) return 'Virtio';
  if (/\/ata\d+\//.test(path)) return 'SATA';
  if (path.includes('/mmc')) return 'MMC';
  return null;
}

/** rotational is trustworthy for SATA, SAS and NVMe only: virtio and USB report 1 for anything. */
function mediaFrom(bus: string | null, rotational: number | undefined): string | null {
  if (bus === 'NVMe') return 'SSD';
  if (bus === 'Virtio' || bus === 'USB' || bus === 'MMC' || rotational === undefined) return null;
  return rotational === 0 ? 'SSD' : 'HDD';
}

async function blockDisk(host: HardwareHost, name: string): Promise<BlockDisk | undefined> {
  const dir = `${SYS_BLOCK}/${name}`;
  const sectors = await readNumber(host, `${dir}/size`);
  // No device link: a virtual device. Size 0: a card reader or optical drive without media.
  if (!(await host.listDir(dir)).includes('device') || !sectors) return undefined;
  const bus = busFromSysPath(await host.realPath(dir));
  const vendor = await readTrimmed(host, `${dir}/device/vendor`);
  const model = await readTrimmed(host, `${dir}/device/model`);
  return {
    path: `/dev/${name}`,
    // SCSI-style vendors are padded ("ATA     "); "ATA" only names the translation layer.
    model: model ? [vendor && vendor !== 'ATA' ? vendor : '', model].join(' ').trim() : null,
    serial: (await readTrimmed(host, `${dir}/device/serial`)) ?? (await readTrimmed(host, `${dir}/serial`)) ?? null,
    sizeBytes: sectors * SECTOR_BYTES,
    mediaType: mediaFrom(bus, await readNumber(host, `${dir}/queue/rotational`)),
    busType: bus,
  };
}

/** Whole disks with a device behind them, skipping optical and floppy drives. */
export async function listBlockDisks(host: HardwareHost): Promise<BlockDisk[]> {
  const names = await listMatching(host, SYS_BLOCK, /^(?!(?:sr|fd|loop|ram|zram)\d)/);
  const disks = await mapInOrder(names, (name) => blockDisk(host, name));
  return disks.filter((disk): disk is BlockDisk => disk !== undefined);
}
