import type { ProcessRecord } from '../telemetry/snapshot.record.js';
import type { ProcessFacts, ProcessHost, Signal } from './host/process-host.js';

/** A process table in memory: what was signalled or re-prioritised is recorded, nothing real is touched. */
export class FakeProcessHost implements ProcessHost {
  readonly selfPid = 500;
  readonly parentPid = 400;
  platform: NodeJS.Platform = 'linux';
  isElevated = false;
  readonly table = new Map<number, ProcessFacts>();
  readonly calls: string[] = [];
  /** Errors the next signal / setPriority throws, by pid. */
  readonly failWith = new Map<number, string>();
  /** terminate and kill remove the process from the table, as an exit would. */
  exitOnSignal = true;

  constructor() {
    this.add({ pid: 500, name: 'node', startTimeSec: 1000, ppid: 400, kernelThread: false });
    this.add({ pid: 400, name: 'dashboard', startTimeSec: 900, ppid: 300, kernelThread: false });
    this.add({ pid: 300, name: 'bash', startTimeSec: 800, ppid: 1, kernelThread: false });
  }

  add(facts: ProcessFacts): void {
    this.table.set(facts.pid, facts);
  }

  async inspect(pid: number): Promise<ProcessFacts | undefined> {
    return this.table.get(pid);
  }

  signal(pid: number, signal: Signal): void {
    this.throwIfFailing(pid);
    this.calls.push(`${signal} ${pid}`);
    if (this.exitOnSignal) this.table.delete(pid);
  }

  setPriority(pid: number, niceness: number): void {
    this.throwIfFailing(pid);
    this.calls.push(`nice ${niceness} ${pid}`);
  }

  async elevated(): Promise<boolean> {
    return this.isElevated;
  }

  private throwIfFailing(pid: number): void {
    const code = this.failWith.get(pid);
    if (code) throw Object.assign(new Error(`kill ${code}`), { code });
  }
}

/** A listed process as the telemetry source gives it. */
export function listed(pid: number, name: string, createTime: number): ProcessRecord {
  return { pid, name, cpu_percent: 50, memory_percent: 1, memory_rss: 1 << 20, status: 'running', create_time: createTime };
}
