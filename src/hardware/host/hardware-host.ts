// The hardware probes' only door to the machine: commands, files, filesystem usage, CPU times.
// Everything else in src/hardware is plain logic over what this returns, tested with fakes.

export const HARDWARE_HOST = Symbol('HARDWARE_HOST');

export interface CommandLimits {
  timeoutMs: number;
  /** stdout and stderr are each capped; past the cap the command is killed (default 1 MiB). */
  maxOutputBytes?: number;
}

export interface CommandResult {
  /** Ran to completion and exited 0. */
  ok: boolean;
  /** The exit code when the command ran to completion (smartctl's carries status bits). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Why the command gave no complete result, in words (not found, timeout, output cap, signal). */
  failure?: string;
  /** The tool is not installed (or not on PATH). */
  notFound?: boolean;
}

/** One logical CPU's cumulative times in ms (as `os.cpus()` reports them). */
export interface CpuTimes {
  user: number;
  nice: number;
  sys: number;
  idle: number;
  irq: number;
}

export interface FsUsage {
  totalBytes: number;
  /** Free blocks, including those reserved for root. */
  freeBytes: number;
  /** Free to unprivileged users. */
  availableBytes: number;
}

export interface HardwareHost {
  readonly platform: NodeJS.Platform;
  /** Runs an argument list (never through a shell) with a timeout and an output cap; never rejects. */
  run(argv: readonly string[], limits: CommandLimits): Promise<CommandResult>;
  /** The first `dirs/name` that is executable, or undefined (then the bare name is looked up on PATH). */
  findTool(name: string, dirs: readonly string[]): Promise<string | undefined>;
  /** A file's text, or undefined when it cannot be read. */
  readText(path: string): Promise<string | undefined>;
  /** A folder's entry names, or [] when it cannot be listed. */
  listDir(path: string): Promise<string[]>;
  /** The path with symlinks resolved, or undefined. */
  realPath(path: string): Promise<string | undefined>;
  /** Size and free space of the filesystem holding `path`, or undefined. */
  fsUsage(path: string): Promise<FsUsage | undefined>;
  cpuTimes(): CpuTimes[];
  memory(): { totalBytes: number; availableBytes: number };
  /** A monotonic clock in ms, for rates over a window. */
  monotonicMs(): number;
  /** Waits without blocking the event loop. */
  sleep(ms: number): Promise<void>;
}
