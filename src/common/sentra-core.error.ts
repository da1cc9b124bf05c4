export type SentraCoreErrorCode = 'NOT_FOUND' | 'INVALID_ARGUMENT' | 'STORAGE_UNAVAILABLE' | 'CONFLICT' | 'INTERNAL';

/** A domain error whose code the exception filter maps to an HTTP status. */
export class SentraCoreError extends Error {
  constructor(
    readonly code: SentraCoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SentraCoreError';
  }
}

/** A setting that cannot be used; start-up stops with this one-line message. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** An error from the filesystem (ENOSPC, EROFS, EACCES, EIO, ENOTDIR…): the datastore refused, no bug. */
export function isStorageFault(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** A storage fault as the 503 STORAGE_UNAVAILABLE the API answers, naming what was being done and the cause. */
export function storageUnavailable(what: string, error: unknown): SentraCoreError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SentraCoreError('STORAGE_UNAVAILABLE', `${what}: ${reason}`, { cause: error });
}
