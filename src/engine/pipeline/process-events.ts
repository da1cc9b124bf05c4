import type { ProcessRecord } from '../../telemetry/snapshot.record.js';
import type { EventRecord } from './event-logger.js';
import { formatFixed, round } from './math.js';

function startEvent(timestamp: number, p: ProcessRecord, reallyStarted: boolean): EventRecord {
  const usage = `${formatFixed(p.cpu_percent, 1)}% CPU, ${formatFixed(p.memory_percent, 1)}% memory`;
  const description = reallyStarted ? `Process started: ${p.name} (PID ${p.pid}), ${usage}` : `${p.name} (PID ${p.pid}) entered the top processes, ${usage}`;
  return {
    timestamp,
    event_type: 'process_start',
    severity: 'info',
    details: { pid: p.pid, name: p.name, cpu_percent: round(p.cpu_percent, 2), memory_percent: round(p.memory_percent, 2), description },
  };
}

function stopEvent(timestamp: number, pid: number, name: string, reallyExited: boolean): EventRecord {
  const description = reallyExited ? `Process exited: ${name} (PID ${pid})` : `${name} (PID ${pid}) left the top processes`;
  return { timestamp, event_type: 'process_stop', severity: 'info', details: { pid, description } };
}

/**
 * `process_start` / `process_stop` for the processes of the top list, compared scan to scan.
 *
 * With `running` (every pid alive at the scan, which the real telemetry source knows) they
 * mean what they say: a listed process that was not alive at the previous scan started, and a
 * process once listed exited when it is no longer alive, even if it had left the list before.
 * Entering or leaving the list while alive is no event. Without it (a replayed trace) the list
 * is all there is, and entering or leaving it counts, as in the earlier engine. The first scan
 * (or one after an empty list) only sets the reference point.
 */
export class ProcessEvents {
  private listed: Map<number, ProcessRecord> | null = null;
  private running: ReadonlySet<number> | undefined;
  /** With `running`: pid → name of every process listed since it started and not yet reported gone. */
  private shown = new Map<number, string>();

  /** Events of a fresh scan; `processes` as ranked, `running` when the source knows it. */
  scan(timestamp: number, processes: readonly ProcessRecord[], running?: ReadonlySet<number>): EventRecord[] {
    const current = new Map<number, ProcessRecord>();
    for (const p of processes) if (!current.has(p.pid)) current.set(p.pid, p);
    const previous = this.listed;
    const wasRunning = this.running;
    this.listed = current;
    this.running = running;
    if (!running) this.shown.clear();
    for (const p of current.values()) if (running) this.shown.set(p.pid, p.name);
    if (!previous || previous.size === 0) return [];
    const events: EventRecord[] = [];
    for (const p of current.values()) {
      const known = previous.has(p.pid) || (running !== undefined && wasRunning?.has(p.pid) === true);
      if (!known) events.push(startEvent(timestamp, p, running !== undefined && wasRunning !== undefined));
    }
    if (running) {
      for (const [pid, name] of this.shown) {
        if (running.has(pid) || current.has(pid)) continue;
        events.push(stopEvent(timestamp, pid, name, true));
        this.shown.delete(pid);
      }
    } else {
      for (const [pid, p] of previous) if (!current.has(pid)) events.push(stopEvent(timestamp, pid, p.name, false));
    }
    return events;
  }
}
