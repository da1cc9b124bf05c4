// The operating system's process table as the processes module sees it: one port, so the safety
// rules and the actions are tested against a fake table and only e2e tests touch real processes.

export const PROCESS_HOST = Symbol('PROCESS_HOST');

/** What the OS says about a pid right now. */
export interface ProcessFacts {
  pid: number;
  /** The kernel's short name (Linux `comm`, at most 15 characters) or the image name. */
  name: string;
  /** Unix seconds; compared with the start time the engine recorded when it listed the process. */
  startTimeSec: number;
  /** 0 when unknown. */
  ppid: number;
  /** A Linux kernel thread (PF_KTHREAD, or a child of kthreadd): never a user's program. */
  kernelThread: boolean;
}

export type Signal = 'SIGTERM' | 'SIGKILL';

export interface ProcessHost {
  readonly platform: NodeJS.Platform;
  /** This engine's own pid. */
  readonly selfPid: number;
  /** The engine's parent when it started (the dashboard, a shell, a service manager). */
  readonly parentPid: number;
  /** undefined: no such process (or it is a zombie, already gone in all but name). */
  inspect(pid: number): Promise<ProcessFacts | undefined>;
  /** Throws the OS error (ESRCH, EPERM) as Node gives it. */
  signal(pid: number, signal: Signal): void;
  /** POSIX niceness, absolute; on Windows libuv maps 10 to BELOW_NORMAL and 0 to NORMAL. */
  setPriority(pid: number, niceness: number): void;
  /** Whether the engine runs as root / Administrator. */
  elevated(): Promise<boolean>;
}
