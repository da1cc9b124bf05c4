import { useEffect, useState } from 'preact/hooks';
import type { ApiPaths } from './schema';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let document: Promise<Set<string> | null> | null = null;

/**
 * The routes this engine serves, from its own OpenAPI document (/openapi.json), read once per page
 * load. The console asks before calling a route that older engines lack, so such a page says so
 * instead of leaving a 404 in the browser's console. Null when the document is not served (a host
 * that did not mount it): then pages just call, and a 404 still gets a readable message.
 */
export function servedRoutes(): Promise<Set<string> | null> {
  document ??= fetch(`${location.origin}/openapi.json`)
    .then((response) => (response.ok ? (response.json() as Promise<{ paths?: Record<string, object> }>) : null))
    .then((doc) => (doc?.paths ? new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))) : null))
    .catch(() => {
      document = null; // the engine was down: ask again next time
      return null;
    });
  return document;
}

/** Whether the engine serves a route: true, false, or undefined while the document loads (or when it is absent). */
export function useRoute(method: Method, path: keyof ApiPaths): boolean | undefined {
  const [served, setServed] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void servedRoutes().then((routes) => live && setServed(routes ? routes.has(`${method} ${path}`) : true));
    return () => {
      live = false;
    };
  }, [method, path]);
  return served;
}
