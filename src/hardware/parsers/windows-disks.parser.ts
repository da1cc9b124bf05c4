// Get-PhysicalDisk (+ Get-StorageReliabilityCounter) and Win32_LogicalDisk output → disk and volume rows.
import { volumeRow, type PhysicalDisk, type Volume } from '../grading/disk-grade.js';
import { raise, type HealthStatus } from '../model/status.js';
import { numberOf, objectOf, parseJsonOutput, rows, scalars, textOf } from './json-output.js';

// MSFT_PhysicalDisk enumerations (Storage Management API): the script writes names, but a value can
// still arrive as a number (an enum ConvertTo-Json did not stringify), so both are understood.
const HEALTH = ['Healthy', 'Warning', 'Unhealthy', undefined, undefined, 'Unknown'];
const OPERATIONAL: Record<number, string> = {
  0: 'Unknown', 1: 'Other', 2: 'OK', 3: 'Degraded', 4: 'Stressed', 5: 'Predictive Failure', 6: 'Error', 7: 'Non-Recoverable Error',
  8: 'Starting', 9: 'Stopping', 10: 'Stopped', 11: 'In Service', 12: 'No Contact', 13: 'Lost Communication', 14: 'Aborted',
  15: 'Dormant', 16: 'Supporting Entity in Error', 17: 'Completed', 0xd010: 'In Maintenance Mode', 0xd012: 'Transient Error',
}; // prettier-ignore
const BUS = ['Unknown', 'SCSI', 'ATAPI', 'ATA', '1394', 'SSA', 'Fibre Channel', 'USB', 'RAID', 'iSCSI', 'SAS', 'SATA', 'SD', 'MMC', 'Virtual', 'File Backed Virtual', 'Storage Spaces', 'NVMe', 'SCM', 'UFS']; // prettier-ignore
const MEDIA: Record<string, string | null> = { '0': null, unspecified: null, '3': 'HDD', hdd: 'HDD', '4': 'SSD', ssd: 'SSD', '5': 'SCM', scm: 'SCM' };

/** A name from an enum value that may be a number or already a name. */
const named = (value: unknown, names: Record<number, string | undefined>): string | null =>
  typeof value === 'number' ? (names[value] ?? String(value)) : textOf(value);

const mediaType = (value: unknown): string | null => {
  const text = value === null || value === undefined ? '' : String(value).trim();
  return text === '' ? null : Object.hasOwn(MEDIA, text.toLowerCase()) ? MEDIA[text.toLowerCase()] : text;
};

function grade(health: string | null, operational: string | null, reliability: Record<string, unknown>): { status: HealthStatus; issues: string[] } {
  let status: HealthStatus = 'healthy';
  const issues: string[] = [];
  const lower = health?.toLowerCase();
  if (lower === 'warning') status = 'warning';
  else if (lower === 'unhealthy') status = 'critical';
  else if (!lower || lower === 'unknown') status = 'unknown';
  if (status === 'warning' || status === 'critical') issues.push(`HealthStatus reports ${health}`);
  if (operational && operational.toLowerCase() !== 'ok') {
    status = raise(status, 'warning');
    issues.push(`Operational status: ${operational}`);
  }
  const wear = numberOf(reliability.Wear);
  if (wear !== undefined && wear >= 100) {
    status = raise(status, 'warning');
    issues.push(`rated endurance used up (${wear}%)`);
  }
  const readErrors = numberOf(reliability.ReadErrorsUncorrected);
  if (readErrors) {
    status = raise(status, 'warning');
    issues.push(`${readErrors} uncorrected read errors`);
  }
  return { status, issues };
}

function physicalDisk(row: Record<string, unknown>): PhysicalDisk {
  const health = named(row.HealthStatus, HEALTH);
  const operational =
    scalars(row.OperationalStatus)
      .flatMap((value) => named(value, OPERATIONAL) ?? [])
      .join(', ') || null;
  const { status, issues } = grade(health, operational, row);
  return {
    device_id: row.DeviceId === null || row.DeviceId === undefined ? '' : String(row.DeviceId),
    name: textOf(row.FriendlyName) ?? textOf(row.Model) ?? 'Disk',
    model: textOf(row.Model),
    serial: textOf(row.SerialNumber),
    media_type: mediaType(row.MediaType),
    bus_type: named(row.BusType, BUS),
    size_bytes: numberOf(row.Size) || null,
    smart: {
      source: 'Get-PhysicalDisk',
      health_status: health,
      operational_status: operational,
      temperature_c: numberOf(row.Temperature) || null,
      wear_percent: numberOf(row.Wear) ?? null,
    },
    status,
    issues,
  };
}

/** A Win32_LogicalDisk row (local fixed disks) as a volume: `C:\` like psutil's mountpoints. */
function volume(row: Record<string, unknown>): Volume | undefined {
  const total = numberOf(row.Size);
  const free = numberOf(row.FreeSpace);
  const id = textOf(row.DeviceID);
  if (!id || !total || free === undefined) return undefined;
  const root = id.endsWith('\\') ? id : `${id}\\`;
  return volumeRow({ mountpoint: root, device: root, fstype: textOf(row.FileSystem) ?? '' }, total, total - free, free);
}

export interface WindowsDisks {
  physical: PhysicalDisk[];
  volumes: Volume[];
  /** false when the output held no JSON at all. */
  parsed: boolean;
}

export function parseWindowsDisks(text: string): WindowsDisks {
  const parsed = parseJsonOutput(text);
  const output = objectOf(parsed);
  return {
    physical: rows(output.physical).map(physicalDisk),
    volumes: rows(output.volumes).flatMap((row) => volume(row) ?? []),
    parsed: parsed !== undefined,
  };
}
