// `smartctl --json` output (smartmontools 7.x JSON schema) → physical disk facts and a grade.
import { raise, type HealthStatus } from '../model/status.js';
import { numberOf, objectOf, parseJsonOutput, textOf } from './json-output.js';

export interface SmartctlScanDevice {
  /** The device path to query (`/dev/sda`, `/dev/bus/0` behind a RAID controller). */
  name: string;
  /** The `-d` type smartctl detected (`sat`, `nvme`, `usbjmicron`, `megaraid,0`), when given. */
  type: string | null;
  /** Why smartctl could not open it (an unknown USB bridge, permissions), when it says so. */
  openError: string | null;
}

/** `smartctl --scan-open --json`: the devices smartctl can open. */
export function parseSmartctlScan(text: string): SmartctlScanDevice[] {
  const devices = objectOf(parseJsonOutput(text)).devices;
  if (!Array.isArray(devices)) return [];
  return devices.map(objectOf).flatMap((device) => {
    const name = textOf(device.name) ?? textOf(device.info_name);
    return name ? [{ name, type: textOf(device.type), openError: textOf(device.open_error) }] : [];
  });
}

export interface SmartctlDisk {
  model: string | null;
  serial: string | null;
  sizeBytes: number | null;
  mediaType: string | null;
  busType: string | null;
  smart: Record<string, unknown>;
  status: HealthStatus;
  issues: string[];
}

// smartctl's exit status bits (man smartctl, "RETURN VALUES").
const EXIT_COMMAND_LINE = 1 << 0;
const EXIT_OPEN_FAILED = 1 << 1;
const EXIT_SELF_TEST_ERRORS = 1 << 7;

/** The first error message, without the device path smartctl puts in front; with a hint for permissions. */
function errorMessage(report: Record<string, unknown>): string | undefined {
  const messages = objectOf(report.smartctl).messages;
  const error = Array.isArray(messages) ? messages.map(objectOf).find((message) => message.severity === 'error') : undefined;
  const text = textOf(error?.string)
    ?.split('\n')[0]
    .replace(/^\/dev\/\S+:\s*/, '');
  if (!text) return undefined;
  return /permission denied/i.test(text) ? `${text} (reading SMART needs root or administrator rights)` : text;
}

function busOf(device: Record<string, unknown>): string | null {
  const type = textOf(device.type)?.toLowerCase() ?? '';
  const protocol = textOf(device.protocol);
  if (type === 'nvme' || protocol === 'NVMe') return 'NVMe';
  if (type.startsWith('usb')) return 'USB';
  if (protocol === 'ATA') return 'SATA';
  return protocol;
}

function mediaOf(report: Record<string, unknown>, bus: string | null): string | null {
  const rotation = numberOf(report.rotation_rate);
  if (bus === 'NVMe' || rotation === 0) return 'SSD';
  return rotation !== undefined && rotation > 0 ? 'HDD' : null;
}

const ATA_COUNTERS: Record<number, string> = { 5: 'reallocated sectors', 197: 'sectors pending reallocation', 198: 'offline uncorrectable sectors' };

/** ATA attribute findings: a prefailure attribute failing now, and the counters that precede a failure. */
function ataFindings(report: Record<string, unknown>): { status: HealthStatus; issues: string[] } {
  const table = objectOf(report.ata_smart_attributes).table;
  let status: HealthStatus = 'healthy';
  const issues: string[] = [];
  for (const attribute of Array.isArray(table) ? table.map(objectOf) : []) {
    const id = numberOf(attribute.id) ?? -1;
    const raw = numberOf(objectOf(attribute.raw).value) ?? 0;
    if (attribute.when_failed === 'now') {
      status = 'critical';
      issues.push(`${textOf(attribute.name) ?? `attribute ${id}`} is failing now`);
    }
    if (ATA_COUNTERS[id] && raw > 0) {
      status = raise(status, 'warning');
      issues.push(`${raw} ${ATA_COUNTERS[id]}`);
    }
  }
  return { status, issues };
}

const NVME_WARNINGS = [
  'spare capacity below threshold',
  'temperature out of range',
  'reliability degraded',
  'media read-only',
  'volatile memory backup failed',
];

function nvmeFindings(report: Record<string, unknown>): { status: HealthStatus; issues: string[] } {
  const log = objectOf(report.nvme_smart_health_information_log);
  let status: HealthStatus = 'healthy';
  const issues: string[] = [];
  const critical = numberOf(log.critical_warning) ?? 0;
  if (critical > 0) {
    status = 'critical';
    const reasons = NVME_WARNINGS.filter((_, bit) => critical & (1 << bit));
    issues.push(`NVMe critical warning 0x${critical.toString(16).padStart(2, '0')}: ${reasons.join(', ') || 'vendor specific'}`);
  }
  const mediaErrors = numberOf(log.media_errors) ?? 0;
  if (mediaErrors > 0) {
    status = raise(status, 'warning');
    issues.push(`${mediaErrors} media and data integrity errors`);
  }
  const used = numberOf(log.percentage_used) ?? 0;
  if (used >= 100) {
    status = raise(status, 'warning');
    issues.push(`rated endurance used up (${used}%)`);
  }
  return { status, issues };
}

/** Grades one `smartctl -a --json <device>` report; `status` is unknown when SMART could not be read. */
export function parseSmartctlInfo(text: string): SmartctlDisk {
  const report = objectOf(parseJsonOutput(text));
  const exitStatus = numberOf(objectOf(report.smartctl).exit_status) ?? 0;
  const passedValue = objectOf(report.smart_status).passed;
  const passed = typeof passedValue === 'boolean' ? passedValue : null;
  const bus = busOf(objectOf(report.device));
  const ata = ataFindings(report);
  const nvme = nvmeFindings(report);
  const disk: SmartctlDisk = {
    model: textOf(report.model_name) ?? textOf(report.scsi_model_name),
    serial: textOf(report.serial_number),
    sizeBytes: numberOf(objectOf(report.user_capacity).bytes) || null,
    mediaType: mediaOf(report, bus),
    busType: bus,
    smart: {
      source: 'smartctl',
      passed,
      attributes_present: objectOf(report.ata_smart_attributes).table !== undefined || report.nvme_smart_health_information_log !== undefined,
      temperature_c: numberOf(objectOf(report.temperature).current) ?? null,
      power_on_hours: numberOf(objectOf(report.power_on_time).hours) ?? null,
    },
    status: 'healthy',
    issues: [],
  };
  if (passed === null) {
    const why = Object.keys(report).length === 0 ? 'smartctl printed no JSON' : (errorMessage(report) ?? 'SMART status not reported');
    const unreadable = exitStatus & (EXIT_COMMAND_LINE | EXIT_OPEN_FAILED) || Object.keys(report).length === 0;
    return { ...disk, status: 'unknown', issues: [unreadable ? `SMART unavailable: ${why}` : why] };
  }
  disk.status = raise(raise(passed ? 'healthy' : 'critical', ata.status), nvme.status);
  disk.issues = [...(passed ? [] : ['SMART overall: FAILED']), ...ata.issues, ...nvme.issues];
  if (exitStatus & EXIT_SELF_TEST_ERRORS) {
    disk.status = raise(disk.status, 'warning');
    disk.issues.push('self-test log records errors');
  }
  return disk;
}
