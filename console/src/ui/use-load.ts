import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Outcome } from '../api/client';
import { useLive } from '../live';

export interface Loaded<T> {
  /** The last successful answer, kept while a later load fails (so a page shows the last good data). */
  data: T | null;
  /** The last load's failure, cleared by the next success. */
  failure: Extract<Outcome<T>, { ok: false }> | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads with `load` when the page opens, every `everyMs` if given, and again whenever the live stream
 * comes back after the engine was down. Set `enabled` false to wait (e.g. until a route is known to exist).
 */
export function useLoad<T>(load: () => Promise<Outcome<T>>, deps: unknown[], options: { everyMs?: number; enabled?: boolean } = {}): Loaded<T> {
  const { everyMs, enabled = true } = options;
  const { reconnects } = useLive();
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<Loaded<T>['failure']>(null);
  const [loading, setLoading] = useState(false);
  const mounted = useRef(true);
  // Only the newest load may set the state: an older answer arriving late is dropped.
  const latest = useRef(0);
  useEffect(() => () => void (mounted.current = false), []);

  const reload = useCallback(async () => {
    const mine = ++latest.current;
    setLoading(true);
    const outcome = await load();
    if (!mounted.current || mine !== latest.current) return;
    setLoading(false);
    if (outcome.ok) {
      setData(outcome.data);
      setFailure(null);
    } else setFailure(outcome);
  }, deps);

  useEffect(() => {
    if (!enabled) return undefined;
    void reload();
    if (!everyMs) return undefined;
    const timer = setInterval(() => void reload(), everyMs);
    return () => clearInterval(timer);
  }, [reload, enabled, everyMs, reconnects]);

  return { data, failure, loading, reload };
}
