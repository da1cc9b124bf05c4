import { useEffect, useState } from 'preact/hooks';
import { api, API_BASE } from './api/client';
import type { ApiPaths, Status } from './api/schema';

export type Connection = 'connecting' | 'live' | 'down';

export interface LiveState {
  status: Status | null;
  connection: Connection;
  /** When the last status arrived (ms since epoch), 0 before the first. */
  receivedAtMs: number;
  /** Bumped each time the stream comes back after the engine was down: pages reload what they show. */
  reconnects: number;
}

const STREAM: keyof ApiPaths = '/api/v1/status/stream';
const RETRY_MS = [1000, 2000, 4000, 8000];

let state: LiveState = { status: null, connection: 'connecting', receivedAtMs: 0, reconnects: 0 };
const listeners = new Set<(next: LiveState) => void>();
let source: EventSource | null = null;
let failures = 0;

function update(patch: Partial<LiveState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener(state);
}

function received(status: Status): void {
  const back = state.connection === 'down';
  failures = 0;
  update({ status, connection: 'live', receivedAtMs: Date.now(), reconnects: state.reconnects + (back ? 1 : 0) });
}

/**
 * The live status from the SSE stream (one event per engine cycle), with one GET /status first since
 * the stream sends nothing on connect. EventSource retries by itself after a dropped connection; when
 * it gives up (an error answer while the engine restarts) this reopens it with a growing delay.
 */
export function startLive(): void {
  if (source) return;
  void api.GET('/api/v1/status').then(
    ({ data }) => data && state.receivedAtMs === 0 && received(data),
    () => undefined,
  );
  open();
}

function open(): void {
  source = new EventSource(`${location.origin}${API_BASE}${STREAM}`);
  source.onmessage = (event: MessageEvent<string>) => received(JSON.parse(event.data) as Status);
  source.onerror = () => {
    if (state.connection !== 'down') update({ connection: 'down' });
    if (source?.readyState === EventSource.CLOSED) {
      source = null;
      setTimeout(open, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]);
    }
  };
}

export function useLive(): LiveState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
