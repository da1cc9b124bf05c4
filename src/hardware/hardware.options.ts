/** Tunables of the hardware probes; override HARDWARE_OPTIONS to change them (tests do). */
export interface HardwareOptions {
  /** How long a component's measurement is served, counted from when its probe finished. */
  ttlSec: number;
  /** The window CPU load and swap rates are measured over (never a blocking sample). */
  windowMs: number;
  /** A component probe that has not finished by then reports `unknown` (a backstop over the command timeouts). */
  probeDeadlineMs: number;
  /** Each command's stdout and stderr cap. */
  maxOutputBytes: number;
  smartctl: { scanTimeoutMs: number; deviceTimeoutMs: number; budgetMs: number; concurrency: number };
  /** PowerShell per component (cold starts take seconds on Windows). */
  powershell: { cpuTimeoutMs: number; memoryTimeoutMs: number; disksTimeoutMs: number };
}

export const HARDWARE_OPTIONS = Symbol('HARDWARE_OPTIONS');

// The earlier engine's TTL and command timeouts (docs/extras.md "Hardware health").
export const DEFAULT_HARDWARE_OPTIONS: HardwareOptions = {
  ttlSec: 30,
  windowMs: 1000,
  probeDeadlineMs: 45_000,
  maxOutputBytes: 1024 * 1024,
  smartctl: { scanTimeoutMs: 5000, deviceTimeoutMs: 6000, budgetMs: 20_000, concurrency: 4 },
  powershell: { cpuTimeoutMs: 10_000, memoryTimeoutMs: 15_000, disksTimeoutMs: 20_000 },
};
