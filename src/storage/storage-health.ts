import { Injectable, Logger } from '@nestjs/common';
import { errorCode } from './fs.port.js';

/** Callers that name no target share this one. */
const DEFAULT_TARGET = 'datastore';

/**
 * Whether the datastore accepts writes; served by GET /health.
 * Failures are kept per target (a folder, or one writer such as the history appender), so a
 * successful write in state/ never hides a history/ that still fails, and each target recovers
 * with its own next successful write.
 */
@Injectable()
export class StorageHealth {
  private readonly logger = new Logger(StorageHealth.name);
  // Insertion order = failure order: the last entry is the newest failure.
  private readonly failures = new Map<string, { message: string; kind: string }>();

  get writable(): boolean {
    return this.failures.size === 0;
  }

  /** The newest failure still unresolved, or null. */
  get lastErrorMessage(): string | null {
    return [...this.failures.values()].pop()?.message ?? null;
  }

  recordSuccess(target = DEFAULT_TARGET): void {
    const previous = this.failures.get(target);
    if (previous === undefined) return;
    this.failures.delete(target);
    this.logger.log({ message: 'storage writable again', target, previousError: previous.message });
  }

  recordFailure(what: string, error: unknown, target = DEFAULT_TARGET): void {
    // Not `instanceof Error`: errors from another realm (vm contexts, workers) are errors too.
    const reason = typeof (error as Error | undefined)?.message === 'string' ? (error as Error).message : String(error);
    const message = `${what}: ${reason}`;
    // Log each kind of failure once, not every cycle while the disk stays full (messages name temp files).
    const kind = `${what}: ${errorCode(error) ?? message}`;
    if (this.failures.get(target)?.kind !== kind) this.logger.warn(message);
    this.failures.delete(target);
    this.failures.set(target, { message, kind });
  }
}
