import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { isKernelThread, parseBootTime, parseStatLine } from './proc-stat.js';
import type { ProcessFacts, ProcessHost, Signal } from './process-host.js';

/** USER_HZ: fixed at 100 by the kernel ABI on every architecture Node runs on. */
const TICKS_PER_SEC = 100;
/**
 * One action reads several pids (the target, the engine's ancestors, the exit check); on Windows
 * and macOS each read is a whole process listing, so one listing serves the reads of this long.
 */
const LISTING_REUSE_MS = 250;

type Listing = Awaited<ReturnType<(typeof import('systeminformation'))['processes']>>['list'];

export interface NodeProcessHostOptions {
  platform?: NodeJS.Platform;
  /** Linux only: another /proc (tests point it at a folder of fixture files). */
  procRoot?: string;
}

/** The real process table: /proc on Linux, systeminformation elsewhere; signals and priority through Node. */
export class NodeProcessHost implements ProcessHost {
  readonly platform: NodeJS.Platform;
  readonly selfPid = process.pid;
  readonly parentPid = process.ppid;
  private readonly procRoot: string;
  private elevation: Promise<boolean> | undefined;
  private listing: { atMs: number; list: Promise<Listing> } | undefined;

  constructor(options: NodeProcessHostOptions = {}) {
    this.platform = options.platform ?? process.platform;
    this.procRoot = options.procRoot ?? '/proc';
  }

  inspect(pid: number): Promise<ProcessFacts | undefined> {
    return this.platform === 'linux' || this.platform === 'android' ? this.inspectProc(pid) : this.inspectListed(pid);
  }

  signal(pid: number, signal: Signal): void {
    process.kill(pid, signal);
  }

  setPriority(pid: number, niceness: number): void {
    setPriority(pid, niceness);
  }

  /** Asked once: the answer does not change while the engine runs. */
  elevated(): Promise<boolean> {
    this.elevation ??= this.platform === 'win32' ? windowsElevated() : Promise.resolve(process.geteuid?.() === 0);
    return this.elevation;
  }

  /** Windows and macOS: the same listing the telemetry source reads, so start times compare alike. */
  private async inspectListed(pid: number): Promise<ProcessFacts | undefined> {
    const nowMs = Date.now();
    if (!this.listing || nowMs - this.listing.atMs > LISTING_REUSE_MS) {
      const list = import('systeminformation').then(async (si) => (await si.processes()).list);
      this.listing = { atMs: nowMs, list };
      list.catch(() => (this.listing = undefined));
    }
    const found = (await this.listing.list).find((p) => p.pid === pid);
    if (!found) return undefined;
    return { pid, name: found.name, startTimeSec: startedToUnixSec(found.started), ppid: found.parentPid ?? 0, kernelThread: false };
  }

  private async inspectProc(pid: number): Promise<ProcessFacts | undefined> {
    const [stat, procStat] = await Promise.all([readFile(`${this.procRoot}/${pid}/stat`, 'utf8').catch(() => ''), readFile(`${this.procRoot}/stat`, 'utf8')]);
    const parsed = parseStatLine(stat);
    // A zombie has exited; only its exit status is left for the parent to collect.
    if (!parsed || parsed.pid !== pid || parsed.state === 'Z' || parsed.state === 'X') return undefined;
    return {
      pid,
      name: parsed.comm,
      startTimeSec: Math.round((parseBootTime(procStat) + parsed.startTicks / TICKS_PER_SEC) * 100) / 100,
      ppid: parsed.ppid,
      kernelThread: isKernelThread(parsed),
    };
  }
}

/** `started` is local "YYYY-MM-DD HH:MM:SS" (ps) or "/Date(ms)/" (Windows JSON); NaN when unparsable. */
function startedToUnixSec(started: unknown): number {
  const text = String(started ?? '');
  const msFromJson = /\/Date\((\d+)/.exec(text)?.[1];
  const ms = msFromJson ? Number(msFromJson) : Date.parse(text.replace(' ', 'T'));
  return Math.round(ms / 10) / 100;
}

/**
 * `net session` succeeds only in an elevated shell. If the check itself cannot run, the engine is
 * taken as elevated: the rule that follows (a token is required) then errs on the safe side.
 */
function windowsElevated(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('net', ['session'], { timeout: 10_000, windowsHide: true }, (error) => {
      const code = (error as { code?: unknown } | null)?.code;
      resolve(error === null || typeof code !== 'number');
    });
  });
}
