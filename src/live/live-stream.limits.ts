/** How long a live client may lag before it is dropped, and how often dead peers are looked for. */
export interface LiveStreamLimits {
  /** A WebSocket whose unsent data exceeds this many bytes is terminated instead of sent to. */
  maxBufferedBytes: number;
  /** Every interval each socket is pinged; one that did not answer the previous ping is terminated. */
  heartbeatIntervalMs: number;
}

/** Injection token of the `LiveStreamLimits` (tests override it to provoke drops quickly). */
export const LIVE_STREAM_LIMITS = Symbol('LIVE_STREAM_LIMITS');

// 1 MiB is ~100 status payloads: a client that far behind is not watching live any more.
export const DEFAULT_LIVE_STREAM_LIMITS: LiveStreamLimits = Object.freeze({
  maxBufferedBytes: 1024 * 1024,
  heartbeatIntervalMs: 30_000,
});
