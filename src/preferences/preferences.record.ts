/** How readily the baseline calls a reading anomalous (the engine's detector maps each to its thresholds). */
export const ANOMALY_SENSITIVITIES = ['lenient', 'normal', 'strict'] as const;
export type AnomalySensitivity = (typeof ANOMALY_SENSITIVITIES)[number];

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
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(100, Math.max(1, value)) : fallback;
}

function isSensitivity(value: unknown): value is AnomalySensitivity {
  return (ANOMALY_SENSITIVITIES as readonly unknown[]).includes(value);
}

/** One string holding several names, split as the earlier engine splits it (newlines, commas, semicolons). */
export function splitProcessNames(text: string): string[] {
  return text.split(/[\n,;]+/);
}

/**
 * The earlier engine's name rule (tests/test_user_preferences.py): trimmed, lower case, `.exe`
 * added on Windows (`Chrome` → `chrome.exe`), plain elsewhere, so the dashboard's checkboxes
 * match the names the engine lists; duplicates dropped, sorted.
 */
export function canonicalProcessName(name: string, platform: NodeJS.Platform): string {
  const lower = name.trim().toLowerCase();
  return platform === 'win32' && lower.length > 0 && !lower.endsWith('.exe') ? `${lower}.exe` : lower;
}

/** A list or one string of names; anything that is not a string is dropped. */
function processNames(value: unknown, platform: NodeJS.Platform): string[] {
  const raw = typeof value === 'string' ? splitProcessNames(value) : Array.isArray(value) ? value : [];
  const names = raw.filter((v): v is string => typeof v === 'string').map((v) => canonicalProcessName(v, platform));
  return [...new Set(names.filter((v) => v.length > 0))].sort();
}

/**
 * Reads whatever the preferences file held: every key that is missing or of the wrong type
 * falls back to its default on its own, so one bad value never resets the others; unknown
 * keys are dropped and percentages are clamped to 1..100. Only JSON booleans enable the safeguard
 * (the earlier engine took the string "false" as true).
 */
export function normalizePreferences(raw: unknown, platform: NodeJS.Platform = process.platform): PreferencesRecord {
  const file = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const d = DEFAULT_PREFERENCES;
  return {
    alert_cpu_percent: percent(file.alert_cpu_percent, d.alert_cpu_percent),
    alert_memory_percent: percent(file.alert_memory_percent, d.alert_memory_percent),
    alert_disk_pressure: percent(file.alert_disk_pressure, d.alert_disk_pressure),
    safeguard_enabled: typeof file.safeguard_enabled === 'boolean' ? file.safeguard_enabled : d.safeguard_enabled,
    safeguard_process_names: processNames(file.safeguard_process_names, platform),
    anomaly_sensitivity: isSensitivity(file.anomaly_sensitivity) ? file.anomaly_sensitivity : d.anomaly_sensitivity,
  };
}
