import { execFile, type ExecFileException } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir, readFile, realpath, statfs } from 'node:fs/promises';
import { cpus, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { CommandLimits, CommandResult, CpuTimes, FsUsage, HardwareHost } from './hardware-host.js';

const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

/** Words for an execFile error that left no complete result; undefined for a plain non-zero exit. */
function failureOf(error: ExecFileException, argv: readonly string[], limits: CommandLimits, maxBytes: number): string | undefined {
  const tool = argv[0];
  if (error.code === 'ENOENT') return `${tool} not found`;
  if (error.code === 'EACCES' || error.code === 'EPERM') return `${tool} could not be started: permission denied`;
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return `${tool} printed more than ${maxBytes} bytes; stopped`;
  if (error.killed) return `${tool} did not finish within ${limits.timeoutMs / 1000} s; stopped`;
  if (error.signal) return `${tool} ended by signal ${error.signal}`;
  if (typeof error.code !== 'number') return `${tool} could not be run: ${error.message}`;
  return undefined;
}

/**
 * The real machine. `root` prefixes every file path, so tests can point the Linux probes at a fake
 * /proc and /sys tree; commands and CPU times always come from the real machine.
 */
export class NodeHardwareHost implements HardwareHost {
  constructor(
    private readonly root?: string,
    readonly platform: NodeJS.Platform = process.platform,
  ) {}

  private at(path: string): string {
    return this.root === undefined ? path : join(this.root, path);
  }

  run(argv: readonly string[], limits: CommandLimits): Promise<CommandResult> {
    const maxBytes = limits.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    const options = { timeout: limits.timeoutMs, maxBuffer: maxBytes, killSignal: 'SIGKILL' as const, windowsHide: true, encoding: 'utf8' as const };
    return new Promise((resolve) => {
      try {
        execFile(argv[0], argv.slice(1), options, (error, stdout, stderr) => {
          if (!error) return resolve({ ok: true, exitCode: 0, stdout, stderr });
          const failure = failureOf(error, argv, limits, maxBytes);
          const notFound = error.code === 'ENOENT';
          resolve({ ok: false, exitCode: failure ? null : (error.code as number), stdout, stderr, ...(failure && { failure }), ...(notFound && { notFound }) });
        });
      } catch (error) {
        resolve({ ok: false, exitCode: null, stdout: '', stderr: '', failure: `${argv[0]} could not be run: ${(error as Error).message}` });
      }
    });
  }

  async findTool(name: string, dirs: readonly string[]): Promise<string | undefined> {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (
        await access(candidate, constants.X_OK).then(
          () => true,
          () => false,
        )
      )
        return candidate;
    }
    return undefined;
  }

  readText(path: string): Promise<string | undefined> {
    return readFile(this.at(path), 'utf8').catch(() => undefined);
  }

  listDir(path: string): Promise<string[]> {
    return readdir(this.at(path)).catch(() => []);
  }

  realPath(path: string): Promise<string | undefined> {
    return realpath(this.at(path)).catch(() => undefined);
  }

  async fsUsage(path: string): Promise<FsUsage | undefined> {
    const stats = await statfs(this.at(path)).catch(() => undefined);
    if (!stats || stats.blocks <= 0) return undefined;
    return { totalBytes: stats.blocks * stats.bsize, freeBytes: stats.bfree * stats.bsize, availableBytes: stats.bavail * stats.bsize };
  }

  cpuTimes(): CpuTimes[] {
    return cpus().map((cpu) => cpu.times);
  }

  memory(): { totalBytes: number; availableBytes: number } {
    return { totalBytes: totalmem(), availableBytes: freemem() };
  }

  monotonicMs(): number {
    return performance.now();
  }

  sleep(ms: number): Promise<void> {
    return delay(ms);
  }
}
