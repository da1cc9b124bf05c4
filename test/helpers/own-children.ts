import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessRecord } from '../../src/telemetry/snapshot.record.js';

// The only real processes the process-control tests act on: children they spawn, each a copy of
// /bin/sh under a name of the test's choosing (the kernel's comm is the executable's name), so a
// safeguard list or the deny-list can name exactly them.

export const BURN = 'while :; do :; done';
/** Blocks on its stdin pipe: idle, and no grandchild that a signal to the shell would orphan. */
export const IDLE = 'read line';

export interface OwnChild {
  child: ChildProcess;
  pid: number;
  name: string;
  /** Resolves with the signal (or exit code) once the child exited. */
  exited: Promise<string | number>;
}

/** `as`: run the child under another uid/gid (the test runs as root). */
export function spawnOwn(binDir: string, name: string, script: string, as?: { uid: number; gid: number }): OwnChild {
  const executable = join(binDir, name);
  // A running copy cannot be overwritten (ETXTBSY); children of one name share it.
  if (!existsSync(executable)) copyFileSync('/bin/sh', executable);
  const child = spawn(executable, ['-c', script], { stdio: ['pipe', 'ignore', 'ignore'], ...as });
  const exited = new Promise<string | number>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)));
  return { child, pid: child.pid!, name: name.slice(0, 15), exited };
}

export function alive(own: OwnChild): boolean {
  return own.child.exitCode === null && own.child.signalCode === null;
}

export function killAll(children: OwnChild[]): void {
  for (const own of children) if (alive(own)) own.child.kill('SIGKILL');
}

/** The fields of /proc/<pid>/stat after comm: state is [0], nice (field 19) [16], starttime (22) [19]. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export function niceness(pid: number): number {
  return Number(statFields(pid)[16]);
}

/** Start time in unix seconds as the engine's /proc source reports create_time (btime + ticks / USER_HZ 100). */
export function startTime(pid: number): number {
  const boot = Number(/btime (\d+)/.exec(readFileSync('/proc/stat', 'utf8'))![1]);
  return Math.round((boot + Number(statFields(pid)[19]) / 100) * 100) / 100;
}

/** How a scripted telemetry source lists the child: its real pid, name and start time. */
export function asListed(own: OwnChild, cpuPercent = 60, createTime = startTime(own.pid)): ProcessRecord {
  return { pid: own.pid, name: own.name, cpu_percent: cpuPercent, memory_percent: 0.1, memory_rss: 2 << 20, status: 'running', create_time: createTime };
}
