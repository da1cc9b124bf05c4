import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { isAbsolute, join } from 'node:path';
import { errorCode, FS_PORT, nodeFs, type FsPort } from './fs.port.js';

/** Callers that name no target share this one. */
const DEFAULT_TARGET = 'datastore';

interface Failure {
  message: string;
  kind: string;
  /** False when a probe already cleared this very failure once and it came back: the folder takes
   * writes but this writer's file does not, so only the writer's own success clears it (no flapping). */
  probeable: boolean;
}

/**
 * Whether the datastore accepts writes; served by GET /health.
 * Failures are kept per target (a folder, or one writer such as the history appender), so a
 * successful write in state/ never hides a history/ that still fails. A writer target recovers with
 * its own next write (it writes again every interval). A folder target may have failed on a one-shot
 * write (PUT /preferences, a baseline reset) that nothing repeats, so it is re-probed — a tiny temp
 * file created and removed in it — whenever another write succeeds and when health is read: health
 * turns true as soon as the folder takes writes again, whichever folder it was.
 */
@Injectable()
export class StorageHealth {
  private readonly logger = new Logger(StorageHealth.name);
  // Insertion order = failure order: the last entry is the newest failure.
  private readonly failures = new Map<string, Failure>();
  /** Target → the failure kind a probe last cleared there. */
  private readonly clearedByProbe = new Map<string, string>();
  private probeCounter = 0;
  private probing?: Promise<void>;

  constructor(@Optional() @Inject(FS_PORT) private readonly fs: FsPort = nodeFs) {}

  get writable(): boolean {
    return this.failures.size === 0;
  }

  /** The newest failure still unresolved, or null. */
  get lastErrorMessage(): string | null {
    return [...this.failures.values()].pop()?.message ?? null;
  }

  recordSuccess(target = DEFAULT_TARGET): void {
    const previous = this.failures.get(target);
    this.clearedByProbe.delete(target);
    if (previous !== undefined) this.resolved(target, previous.message);
    if (this.failures.size > 0) void this.recheck();
  }

  recordFailure(what: string, error: unknown, target = DEFAULT_TARGET): void {
    // Not `instanceof Error`: errors from another realm (vm contexts, workers) are errors too.
    const reason = typeof (error as Error | undefined)?.message === 'string' ? (error as Error).message : String(error);
    const message = `${what}: ${reason}`;
    // Log each kind of failure once, not every cycle while the disk stays full (messages name temp files).
    const kind = `${what}: ${errorCode(error) ?? message}`;
    if (this.failures.get(target)?.kind !== kind) this.logger.warn(message);
    this.failures.delete(target);
    this.failures.set(target, { message, kind, probeable: this.clearedByProbe.get(target) !== kind });
  }

  /**
   * Re-probes the failed folders; resolves when done, never rejects. Callers at the same time share one
   * probe (a create, a write and an unlink per failed folder), so a /health flood costs one at a time.
   */
  recheck(): Promise<void> {
    this.probing ??= this.probeFolders().finally(() => (this.probing = undefined));
    return this.probing;
  }

  private async probeFolders(): Promise<void> {
    for (const [target, failure] of [...this.failures]) {
      if (!failure.probeable || !isAbsolute(target)) continue;
      // A new failure recorded while the probe ran is not the one the probe tested.
      if (!(await this.folderTakesWrites(target)) || this.failures.get(target) !== failure) continue;
      this.clearedByProbe.set(target, failure.kind);
      this.resolved(target, failure.message);
    }
  }

  // The name matches AtomicJson's temp pattern, so a crash mid-probe leaves a file the start-up sweep removes.
  private async folderTakesWrites(dir: string): Promise<boolean> {
    const probe = join(dir, `.write-probe.${process.pid}.${this.probeCounter++}.tmp`);
    try {
      const handle = await this.fs.open(probe, 'wx');
      try {
        await handle.writeFile('probe\n', 'utf8');
      } finally {
        await handle.close();
      }
      await this.fs.unlink(probe);
      return true;
    } catch {
      await this.fs.unlink(probe).catch(() => undefined);
      return false;
    }
  }

  private resolved(target: string, previousError: string): void {
    this.failures.delete(target);
    this.logger.log({ message: 'storage writable again', target, previousError });
  }
}
