import type { ProcessRecord } from '../telemetry/snapshot.record.js';
import { foldName, isDenied } from './deny-list.js';
import type { ProcessFacts } from './host/process-host.js';

/**
 * How far the start time read now may be from the one the engine listed. Linux derives both from
 * /proc/stat's btime, which the kernel recomputes and can shift by a second; a reused pid would
 * need its first owner to exit and the pid counter to wrap within that second.
 */
export const START_TIME_TOLERANCE_SEC = 1;

/** The kernel truncates comm to 15 characters; the listed name may be the full executable name. */
const COMM_MAX_LENGTH = 15;

export interface EngineLineage {
  selfPid: number;
  /** The engine's parent (the dashboard that started it) and its ancestors, nearest first. */
  ancestors: readonly number[];
}

/** Rules that need only the pid: refused before anything is looked up. */
export function identityRefusal(pid: number, lineage: EngineLineage): string | undefined {
  if (pid <= 1) return `PID ${pid} is never acted on: PID 1 is the system's init process and lower PIDs belong to the kernel`;
  if (pid === lineage.selfPid) return `PID ${pid} is this engine's own process`;
  const depth = lineage.ancestors.indexOf(pid);
  if (depth === 0) return `PID ${pid} is this engine's parent process (the app that started it, e.g. the dashboard)`;
  if (depth > 0) return `PID ${pid} is an ancestor of this engine's process`;
  return undefined;
}

function sameProgram(listed: string, current: string): boolean {
  return foldName(listed) === foldName(current) || (current.length === COMM_MAX_LENGTH && listed.startsWith(current));
}

export type Verdict = { kind: 'ok' } | { kind: 'refused'; reason: string } | { kind: 'not_found' };

/**
 * The process the engine listed, checked against what the OS says now: the same program (start
 * time and name, so a reused pid is never hit), not a kernel thread, not on the deny-list.
 */
export function verifyTarget(listed: ProcessRecord, now: ProcessFacts | undefined, platform: NodeJS.Platform): Verdict {
  if (!now) return { kind: 'not_found' };
  const label = `${listed.name} (PID ${listed.pid})`;
  if (!(listed.create_time > 0) || !Number.isFinite(now.startTimeSec)) {
    return { kind: 'refused', reason: `the start time of ${label} is unknown, so it cannot be told apart from a process that reused its PID` };
  }
  const drift = Math.abs(now.startTimeSec - listed.create_time);
  if (drift > START_TIME_TOLERANCE_SEC || !sameProgram(listed.name, now.name)) {
    return {
      kind: 'refused',
      reason: `PID ${listed.pid} now belongs to another process (${now.name}, started ${drift.toFixed(2)} s apart from the ${listed.name} the engine listed): the PID was reused`,
    };
  }
  if (now.kernelThread) return { kind: 'refused', reason: `${label} is a kernel thread` };
  if (isDenied(now.name, platform) || isDenied(listed.name, platform)) {
    return { kind: 'refused', reason: `${label} is a critical system process (the engine's deny-list)` };
  }
  return { kind: 'ok' };
}
