import { Injectable, Logger } from '@nestjs/common';

/** Whether the datastore accepted its last write; served by GET /health. */
@Injectable()
export class StorageHealth {
  private readonly logger = new Logger(StorageHealth.name);
  private lastError: string | null = null;

  get writable(): boolean {
    return this.lastError === null;
  }

  get lastErrorMessage(): string | null {
    return this.lastError;
  }

  recordSuccess(): void {
    if (this.lastError !== null) this.logger.log({ message: 'storage writable again', previousError: this.lastError });
    this.lastError = null;
  }

  recordFailure(what: string, error: unknown): void {
    const message = `${what}: ${error instanceof Error ? error.message : String(error)}`;
    // Log each distinct failure once, not every cycle while the disk stays full.
    if (message !== this.lastError) this.logger.warn(message);
    this.lastError = message;
  }
}
