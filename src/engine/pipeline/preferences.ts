import { SENSITIVITY_THRESHOLDS, type AnomalySensitivity } from './anomaly-detector.js';
import { clamp } from './math.js';
import type { ResourceValues } from './stress-engine.js';

// SPEC §5 "Preferences": config/user_preferences.json and GET/PUT /preferences.
export interface PreferencesRecord {
  alert_cpu_percent: number;
  alert_memory_percent: number;
  alert_disk_pressure: number;
  safeguard_enabled: boolean;
  safeguard_process_names: string[];
  anomaly_sensitivity: AnomalySensitivity;
}

export const DEFAULT_PREFERENCES: Readonly<PreferencesRecord> = Object.freeze({
  alert_cpu_percent: 85,
  alert_memory_percent: 85,
  alert_disk_pressure: 80,
  safeguard_enabled: false,
  safeguard_process_names: Object.freeze([]) as unknown as string[],
  anomaly_sensitivity: 'normal',
});

function percent(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? clamp(value, 1, 100) : fallback;
}

function isSensitivity(value: unknown): value is AnomalySensitivity {
  return typeof value === 'string' && Object.hasOwn(SENSITIVITY_THRESHOLDS, value);
}

/** Non-empty trimmed names, first occurrence kept; anything that is not a string is dropped. */
function processNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const names = value.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
  return [...new Set(names.filter((v) => v.length > 0))];
}

/**
 * Reads whatever the preferences file held: every key that is missing or of the wrong type
 * falls back to its default on its own, so one bad value never resets the others; unknown
 * keys are dropped and percentages are clamped to 1..100.
 */
export function normalizePreferences(raw: unknown): PreferencesRecord {
  const file = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_PREFERENCES;
  return {
    alert_cpu_percent: percent(file.alert_cpu_percent, d.alert_cpu_percent),
    alert_memory_percent: percent(file.alert_memory_percent, d.alert_memory_percent),
    alert_disk_pressure: percent(file.alert_disk_pressure, d.alert_disk_pressure),
    safeguard_enabled: typeof file.safeguard_enabled === 'boolean' ? file.safeguard_enabled : d.safeguard_enabled,
    safeguard_process_names: processNames(file.safeguard_process_names),
    anomaly_sensitivity: isSensitivity(file.anomaly_sensitivity) ? file.anomaly_sensitivity : d.anomaly_sensitivity,
  };
}

/** The pressure thresholds an alert compares against. */
export function alertThresholds(preferences: PreferencesRecord): ResourceValues {
  return { cpu: preferences.alert_cpu_percent, memory: preferences.alert_memory_percent, disk: preferences.alert_disk_pressure };
}
