// A TelemetrySource that replays a script: for tests, e2e runs and the `scripted` demo mode.
import { round } from './snapshot-math.js';
import type { ProcessRecord, SnapshotRecord } from './snapshot.record.js';
import type { SampleRequest, TelemetrySource } from './telemetry-source.js';

type DiskCounters = SnapshotRecord['disk_io'];

/**
 * One cycle of a script: any part of a snapshot, everything else defaulted.
 * - `memory`: give `percent`, `used` or `available` (first one present wins); the rest follows.
 * - Disk counters are cumulative like the real ones. Either script the increase per cycle with
 *   `disk_per_cycle` (the simple way to express a rate: bytes/ops per collection interval),
 *   or set the counters outright with `disk_io`, which later increments continue from.
 * - `processes` is used only on cycles that ask for processes; other cycles repeat the last
 *   list, as the system source does.
 */
export interface ScriptedStep {
  cpu?: Partial<SnapshotRecord['cpu']>;
  memory?: Partial<SnapshotRecord['memory']>;
  swap?: Partial<Pick<SnapshotRecord['swap'], 'total' | 'used'>>;
  disk_io?: Partial<DiskCounters>;
  disk_per_cycle?: Partial<DiskCounters>;
  processes?: ProcessRecord[];
}

/** A list of steps (the last one repeats once the list runs out) or a function of the cycle. */
export type TelemetryScript = readonly ScriptedStep[] | ((cycleIndex: number, request: SampleRequest) => ScriptedStep);

const GIB = 1024 ** 3;

export const SCRIPTED_DEFAULTS = {
  cpuPercent: 10,
  logicalCount: 4,
  memoryTotal: 16 * GIB,
  memoryPercent: 40,
  swapTotal: 4 * GIB,
  /** Per cycle: a quiet disk, well under the spec's 400 ops/s spike threshold. */
  diskPerCycle: { read_bytes: 256 * 1024, write_bytes: 512 * 1024, read_count: 8, write_count: 16 } as DiskCounters,
  processes: [
    { pid: 4100, name: 'browser', cpu_percent: 4.2, memory_percent: 6.1, memory_rss: Math.round(0.976 * GIB), status: 'running', create_time: 1767225600 },
    { pid: 4200, name: 'editor', cpu_percent: 1.5, memory_percent: 2.4, memory_rss: Math.round(0.384 * GIB), status: 'sleeping', create_time: 1767225600 },
    {
      pid: 4300,
      name: 'backup-agent',
      cpu_percent: 0.3,
      memory_percent: 0.8,
      memory_rss: Math.round(0.128 * GIB),
      status: 'sleeping',
      create_time: 1767225600,
    },
  ] as ProcessRecord[],
};

/** Deterministic telemetry: cycle N always gives the same snapshot for the same script. */
export class ScriptedTelemetrySource implements TelemetrySource {
  private cycleIndex = 0;
  private disk: DiskCounters = { read_bytes: 0, write_bytes: 0, read_count: 0, write_count: 0 };
  private processes: ProcessRecord[] = [];

  constructor(private readonly script: TelemetryScript = []) {}

  /** Number of snapshots produced so far. */
  get cycles(): number {
    return this.cycleIndex;
  }

  async sample(request: SampleRequest): Promise<SnapshotRecord> {
    const step = this.stepFor(this.cycleIndex, request);
    this.cycleIndex++;
    this.disk = advanceDisk(this.disk, step);
    if (request.withProcesses) this.processes = (step.processes ?? SCRIPTED_DEFAULTS.processes).map((p) => ({ ...p }));
    return {
      timestamp: request.timestamp,
      cpu: cpuOf(step.cpu),
      memory: memoryOf(step.memory),
      swap: swapOf(step.swap),
      disk_io: { ...this.disk },
      processes: this.processes,
    };
  }

  private stepFor(cycleIndex: number, request: SampleRequest): ScriptedStep {
    if (typeof this.script === 'function') return this.script(cycleIndex, request);
    const steps = this.script as readonly ScriptedStep[];
    return steps[Math.min(cycleIndex, steps.length - 1)] ?? {};
  }
}

function cpuOf(cpu: ScriptedStep['cpu'] = {}): SnapshotRecord['cpu'] {
  const percent = round(cpu.percent ?? SCRIPTED_DEFAULTS.cpuPercent, 1);
  const logical = cpu.logical_count ?? cpu.per_core?.length ?? SCRIPTED_DEFAULTS.logicalCount;
  return { percent, per_core: cpu.per_core ?? Array.from({ length: logical }, () => percent), logical_count: logical };
}

function memoryOf(memory: ScriptedStep['memory'] = {}): SnapshotRecord['memory'] {
  const total = memory.total ?? SCRIPTED_DEFAULTS.memoryTotal;
  const used =
    memory.percent !== undefined
      ? Math.round((total * memory.percent) / 100)
      : (memory.used ?? (memory.available !== undefined ? total - memory.available : Math.round((total * SCRIPTED_DEFAULTS.memoryPercent) / 100)));
  const available = memory.available ?? total - used;
  const percent = memory.percent ?? (total > 0 ? (used / total) * 100 : 0);
  return { total, used, available, percent: round(percent, 1) };
}

function swapOf(swap: ScriptedStep['swap'] = {}): SnapshotRecord['swap'] {
  const total = swap.total ?? SCRIPTED_DEFAULTS.swapTotal;
  const used = swap.used ?? 0;
  return { total, used, percent: total > 0 ? round((used / total) * 100, 1) : 0 };
}

function advanceDisk(counters: DiskCounters, step: ScriptedStep): DiskCounters {
  const base = { ...counters, ...step.disk_io };
  const increment = { ...SCRIPTED_DEFAULTS.diskPerCycle, ...step.disk_per_cycle };
  // Counters set outright this cycle are taken as given, not advanced again.
  const add = (key: keyof DiskCounters): number => base[key] + (step.disk_io?.[key] !== undefined ? 0 : increment[key]);
  return { read_bytes: add('read_bytes'), write_bytes: add('write_bytes'), read_count: add('read_count'), write_count: add('write_count') };
}

/**
 * The built-in demo (`telemetry.source: 'scripted'`): a calm machine whose CPU breathes on a
 * sine wave (20–45 %, 3-minute period at a 2 s interval), memory drifting gently around 45 %,
 * and disk activity following the CPU. It never crosses the default alert thresholds.
 */
export function demoScript(cycleIndex: number): ScriptedStep {
  const phase = (2 * Math.PI * cycleIndex) / 90;
  const cpu = 32.5 + 12.5 * Math.sin(phase);
  const cores = [cpu + 6 * Math.sin(phase * 3), cpu - 6 * Math.sin(phase * 3), cpu + 3, cpu - 3].map((v) => round(Math.max(0, v), 1));
  const busy = cpu / 32.5; // 0.6..1.4: the disk is busier when the CPU is
  return {
    cpu: { percent: cpu, per_core: cores },
    memory: { percent: round(45 + 4 * Math.sin((2 * Math.PI * cycleIndex) / 900), 1) },
    disk_per_cycle: {
      read_bytes: Math.round(2 * 1024 ** 2 * busy),
      write_bytes: Math.round(3 * 1024 ** 2 * busy),
      read_count: Math.round(40 * busy),
      write_count: Math.round(60 * busy),
    },
  };
}
