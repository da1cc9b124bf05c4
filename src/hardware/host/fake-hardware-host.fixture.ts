// A scripted machine for the hardware specs (plain data, no test framework imports): files from a
// fixture folder (a fake / with proc and sys) or from memory, commands answered from a table.
import type { CommandLimits, CommandResult, CpuTimes, FsUsage, HardwareHost } from './hardware-host.js';
import { NodeHardwareHost } from './node-hardware-host.js';

export interface FakeMachine {
  platform?: NodeJS.Platform;
  /** A folder standing in for `/`: its proc/ and sys/ are read through the real host. */
  root?: string;
  /** Files by absolute path, read before `root`. */
  files?: Record<string, string>;
  /** Command answers by argv joined with spaces; a missing entry is "not found". */
  commands?: Record<string, Partial<CommandResult>>;
  /** Symlink targets realPath reports (sysfs block entries link to their device's bus path). */
  links?: Record<string, string>;
  /** Executables findTool reports, by name. */
  tools?: Record<string, string>;
  usage?: Record<string, FsUsage>;
  /** CPU times returned by successive cpuTimes() calls (the last one repeats). */
  cpuTimes?: CpuTimes[][];
  memory?: { totalBytes: number; availableBytes: number };
}

export const cpuTimes = (user: number, idle: number): CpuTimes => ({ user, nice: 0, sys: 0, idle, irq: 0 });

export class FakeHardwareHost implements HardwareHost {
  readonly platform: NodeJS.Platform;
  /** Every command run, in order, with its limits. */
  readonly runs: { argv: readonly string[]; limits: CommandLimits }[] = [];
  private readonly disk?: NodeHardwareHost;
  private cpuReads = 0;
  private nowMs = 0;

  constructor(private readonly machine: FakeMachine = {}) {
    this.platform = machine.platform ?? 'linux';
    if (machine.root) this.disk = new NodeHardwareHost(machine.root, this.platform);
  }

  run(argv: readonly string[], limits: CommandLimits): Promise<CommandResult> {
    this.runs.push({ argv, limits });
    const answer = this.machine.commands?.[argv.join(' ')];
    if (!answer) return Promise.resolve({ ok: false, exitCode: null, stdout: '', stderr: '', failure: `${argv[0]} not found`, notFound: true });
    return Promise.resolve({ ok: (answer.exitCode ?? 0) === 0 && !answer.failure, exitCode: 0, stdout: '', stderr: '', ...answer });
  }

  findTool(name: string): Promise<string | undefined> {
    return Promise.resolve(this.machine.tools?.[name]);
  }

  async readText(path: string): Promise<string | undefined> {
    return this.machine.files?.[path] ?? (await this.disk?.readText(path));
  }

  async listDir(path: string): Promise<string[]> {
    const prefix = path.endsWith('/') ? path : `${path}/`;
    const inMemory = Object.keys(this.machine.files ?? {})
      .filter((file) => file.startsWith(prefix))
      .map((file) => file.slice(prefix.length).split('/')[0]);
    return [...new Set([...inMemory, ...((await this.disk?.listDir(path)) ?? [])])];
  }

  realPath(path: string): Promise<string | undefined> {
    return Promise.resolve(this.machine.links?.[path] ?? path);
  }

  fsUsage(path: string): Promise<FsUsage | undefined> {
    return Promise.resolve(this.machine.usage?.[path]);
  }

  cpuTimes(): CpuTimes[] {
    const script = this.machine.cpuTimes ?? [[cpuTimes(0, 0)]];
    return script[Math.min(this.cpuReads++, script.length - 1)];
  }

  memory(): { totalBytes: number; availableBytes: number } {
    return this.machine.memory ?? { totalBytes: 0, availableBytes: 0 };
  }

  monotonicMs(): number {
    return this.nowMs;
  }

  /** Advances the fake monotonic clock instead of waiting. */
  sleep(ms: number): Promise<void> {
    this.nowMs += ms;
    return Promise.resolve();
  }
}
