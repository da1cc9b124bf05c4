import { DartNumber, describeDart, isDartMap, type DartValue } from './dart-json.js';

// What the dashboard reads from each answer, and how its Dart code would take it (the reference
// dashboard's dashboard/lib; line numbers in the comments). Paths: `a.b` a key, `a[]` every element
// of a list, `a.*` every value of a map. Kinds, with `?` for "null is fine too":
// - `double`: handed to a `double` variable or parameter as it is; an int throws on the native VM;
// - `int`: handed to an `int` (`json['x'] ?? 0` into an int field); a double throws;
// - `num`: read through `.toDouble()` or `as num`; int or double are both fine;
// - `String`, `bool`, `Map`, `List`: casts and `is` checks; `true`: compared with `== true`.
// Every declared key must be present: a missing one shows the user a silent default.
export type DartKind = 'double' | 'int' | 'num' | 'String' | 'bool' | 'Map' | 'List' | 'true';
export type DartReads = Record<string, DartKind | `${DartKind}?`>;

/** models/system_state.dart SystemState.fromJson: every /ws/live frame and GET /status. */
export const STATUS_READS: DartReads = {
  engine: 'Map',
  'engine.version': 'String',
  'engine.uptime_samples': 'int',
  'engine.baseline_ready': 'bool',
  'engine.baseline_samples': 'int',
  stress: 'Map?',
  'stress.score': 'num',
  'stress.level': 'String',
  'stress.pressures': 'Map',
  'stress.pressures.*': 'num',
  'stress.weights': 'Map',
  'stress.weights.*': 'num',
  normalized: 'Map?',
  'normalized.timestamp': 'num',
  'normalized.cpu': 'Map',
  'normalized.cpu.raw': 'num',
  'normalized.cpu.smoothed': 'num',
  'normalized.cpu.spiking': 'bool',
  'normalized.memory': 'Map',
  'normalized.memory.raw': 'num',
  'normalized.memory.smoothed': 'num',
  'normalized.memory.used': 'int',
  'normalized.memory.available': 'int',
  'normalized.memory.total': 'int',
  'normalized.memory.spiking': 'bool',
  'normalized.swap_percent': 'num',
  'normalized.disk_io': 'Map',
  'normalized.disk_io.read_bytes_per_sec': 'num',
  'normalized.disk_io.write_bytes_per_sec': 'num',
  'normalized.disk_io.total_ops_per_sec': 'num',
  'normalized.disk_io.spiking': 'bool',
  trend: 'Map?',
  'trend.cpu_slope': 'num',
  'trend.memory_slope': 'num',
  'trend.cpu_volatility': 'num',
  'trend.memory_volatility': 'num',
  anomaly: 'Map?',
  'anomaly.score': 'num',
  'anomaly.level': 'String',
  'anomaly.z_scores': 'Map',
  'anomaly.z_scores.cpu': 'num',
  'anomaly.z_scores.memory': 'num',
  'anomaly.z_scores.disk': 'num',
  'anomaly.is_sustained': 'bool',
  prediction: 'Map?',
  'prediction.memory_exhaustion_eta_sec': 'num?',
  'prediction.cpu_critical_eta_sec': 'num?',
  'prediction.risk_score': 'num',
  stability: 'Map?',
  'stability.score': 'num',
  'stability.state': 'String',
  'stability.components': 'Map',
  // widgets/stability_indicator.dart:119-126 hands each penalty to `final double value` (line 137).
  'stability.components.stress_penalty': 'double',
  'stability.components.risk_penalty': 'double',
  'stability.components.anomaly_penalty': 'double',
  alert: 'Map',
  'alert.total_fired': 'int',
  'alert.in_cooldown': 'bool',
  'alert.cooldown_total_sec': 'num',
  'alert.cooldown_remaining_sec': 'num',
  'alert.consecutive_high': 'int',
  'alert.last_alert': 'Map?',
  'alert.last_alert.message': 'String?',
  'alert.last_alert.root_cause': 'Map?',
  'alert.last_alert.root_cause.primary_bottleneck': 'String',
  'alert.last_alert.root_cause.suspect_process': 'Map?',
  // widgets/rca_panel.dart:41 shows "name (PID: pid)": a double pid would read "PID: 42.0".
  'alert.last_alert.root_cause.suspect_process.name': 'String',
  'alert.last_alert.root_cause.suspect_process.pid': 'int',
  'alert.last_alert.root_cause.trigger_event': 'Map?',
  // widgets/rca_panel.dart:49, screens/diagnostics_screen.dart:722: a Text of the raw value.
  'alert.last_alert.root_cause.trigger_event.event_type': 'String',
  'alert.last_alert.root_cause.confidence_score': 'num',
  'alert.last_alert.root_cause.summary': 'String',
  'alert.recent_alerts': 'List',
  'alert.recent_alerts[]': 'Map',
  'alert.recent_alerts[].timestamp': 'num',
  'alert.recent_alerts[].stress_score': 'num',
  'alert.recent_alerts[].level': 'String',
  'alert.recent_alerts[].message': 'String',
  buffers: 'Map',
  'buffers.short': 'Map',
  'buffers.short.count': 'int',
  'buffers.short.capacity': 'int',
  'buffers.long': 'Map',
  'buffers.long.count': 'int',
  'buffers.long.capacity': 'int',
};

/** /ws/alerts: AlertRecord.fromJson, and `payload['message'] as String?` for the notification. */
export const ALERT_FRAME_READS: DartReads = { timestamp: 'num', stress_score: 'num', level: 'String', message: 'String' };

/** GET /processes?limit=50: ProcessImpact.fromJson (system_state.dart:349-360). */
export const PROCESSES_READS: DartReads = {
  processes: 'List',
  'processes[]': 'Map',
  'processes[].pid': 'int',
  'processes[].name': 'String',
  'processes[].avg_cpu_percent': 'num',
  'processes[].avg_memory_percent': 'num',
  'processes[].peak_cpu_percent': 'num',
  'processes[].current_cpu_percent': 'num',
  'processes[].current_memory_percent': 'num',
  'processes[].impact_score': 'num',
};

/** GET /events: SystemEvent.fromJson (system_state.dart:378-389): `Map<String, dynamic>.from(json['details'])`. */
export const EVENTS_READS: DartReads = {
  events: 'List',
  'events[]': 'Map',
  'events[].timestamp': 'num',
  'events[].event_type': 'String',
  'events[].severity': 'String',
  'events[].details': 'Map',
  'events[].details.description': 'String',
};

/** GET /preferences: SettingsProvider.applyFromEngine (settings_provider.dart:197-215). */
export const PREFERENCES_READS: DartReads = {
  alert_cpu_percent: 'num',
  alert_memory_percent: 'num',
  alert_disk_pressure: 'num',
  safeguard_enabled: 'bool',
  safeguard_process_names: 'List',
  'safeguard_process_names[]': 'String',
  anomaly_sensitivity: 'String',
};

/** The answers whose only read is `res['ok'] == true` (PUT /preferences). */
export const OK_READS: DartReads = { ok: 'true' };

/** GET /history: HistoryProvider.refreshFromEngine (history_provider.dart:93-140). */
export const HISTORY_READS: DartReads = {
  samples: 'List',
  'samples[]': 'Map',
  'samples[].at': 'num',
  'samples[].cpu_percent': 'num?',
  'samples[].mem_percent': 'num?',
  'samples[].disk_pressure_percent': 'num?',
  'samples[].top_processes': 'List',
  'samples[].top_processes[]': 'Map',
  'samples[].top_processes[].name': 'String',
  'samples[].top_processes[].pid': 'num',
  'samples[].top_processes[].cpu_percent': 'num',
  'samples[].top_processes[].mem_percent': 'num',
  'samples[].top_processes[].impact': 'num',
};

/** GET /storage/info: widgets/storage_settings_section.dart:106-316 (counts are shown with `$value`). */
export const STORAGE_INFO_READS: DartReads = {
  root: 'String',
  sections: 'Map',
  ...Object.fromEntries(
    ['config', 'state', 'history', 'logs', 'cache', 'reports'].flatMap((s) => [
      [`sections.${s}`, 'Map'],
      [`sections.${s}.bytes`, 'num'],
    ]),
  ),
  history: 'Map',
  'history.files': 'List',
  'history.total_samples': 'int',
  'history.total_bytes': 'num',
  'history.retention_days': 'int',
};

/** GET /health: the watchdog and the launcher compare `engine == true`. */
export const HEALTH_READS: DartReads = { engine: 'true' };

function fits(value: DartValue, kind: DartKind): boolean {
  switch (kind) {
    case 'double':
      return value instanceof DartNumber && value.isDouble;
    case 'int':
      return value instanceof DartNumber && !value.isDouble;
    case 'num':
      return value instanceof DartNumber;
    case 'String':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'Map':
      return isDartMap(value);
    case 'List':
      return Array.isArray(value);
    case 'true':
      return value === true;
  }
}

/** The values at a path, with their concrete paths; a null or missing container on the way ends that branch. */
function valuesAt(root: DartValue, path: string): { at: string; value: DartValue | undefined }[] {
  let found: { at: string; value: DartValue | undefined }[] = [{ at: '$', value: root }];
  const steps = path.split('.').flatMap((step) => (step.endsWith('[]') ? [step.slice(0, -2), '[]'] : [step]));
  steps.forEach((step, i) => {
    const last = i === steps.length - 1;
    found = found.flatMap(({ at, value }) => {
      if (value === null || value === undefined) return []; // a nullable parent: declared on its own
      if (step === '[]') return Array.isArray(value) ? value.map((item, k) => ({ at: `${at}[${k}]`, value: item })) : [];
      if (!isDartMap(value)) return [];
      if (step === '*') return Object.entries(value).map(([key, item]) => ({ at: `${at}.${key}`, value: item }));
      return [{ at: `${at}.${step}`, value: step in value ? value[step] : last ? undefined : null }];
    });
  });
  return found;
}

/** Every place where the dashboard's Dart code would throw on, or silently default, this answer. */
export function dartProblems(root: DartValue, reads: DartReads): string[] {
  const problems: string[] = [];
  for (const [path, declared] of Object.entries(reads)) {
    const nullable = declared.endsWith('?');
    const kind = declared.replace('?', '') as DartKind;
    for (const { at, value } of valuesAt(root, path)) {
      if (value === null && nullable) continue;
      if (value === undefined || value === null || !fits(value, kind))
        problems.push(`${at}: the dashboard reads ${declared}, the engine sent ${describeDart(value)}`);
    }
  }
  return problems;
}
