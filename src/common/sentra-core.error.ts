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
