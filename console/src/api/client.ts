import createClient from 'openapi-fetch';
import { errorText } from '../lib/errors';
import type { ApiPaths } from './schema';
import { askForToken, storedToken } from './token';

/** Where the engine's /api/v1 routes are: the page's origin plus the prefix the server wrote into the page. */
export const API_BASE = document.querySelector<HTMLMetaElement>('meta[name="sentracore-api-base"]')?.content ?? '';

/** The typed client generated from the engine's OpenAPI document: every REST call goes through it. */
export const api = createClient<ApiPaths>({ baseUrl: `${location.origin}${API_BASE}` });

api.use({
  onRequest({ request }) {
    const token = storedToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
});

export type FailureKind = 'unreachable' | 'unavailable' | 'unauthorized' | 'rejected';

export type Outcome<T> = { ok: true; data: T } | { ok: false; kind: FailureKind; message: string; status?: number };

type Sent<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/**
 * Runs one call and turns every way it can end into an Outcome with a readable message: the engine
 * down (restarting), a route this engine lacks (404), a refused token (asks for it once, then retries),
 * invalid input (the API's message, which names the field), or a domain failure (`ok: false`).
 */
export async function call<T>(what: string, send: () => Sent<T>): Promise<Outcome<T>> {
  for (let attempt = 0; ; attempt++) {
    let result: Awaited<Sent<T>>;
    try {
      result = await send();
    } catch {
      return { ok: false, kind: 'unreachable', message: `${what}: the engine is not answering (it may be restarting).` };
    }
    const { data, error, response } = result;
    if (response.status === 401) {
      if (attempt === 0 && (await askForToken(`${what} needs the engine's API token.`))) continue;
      return { ok: false, kind: 'unauthorized', status: 401, message: `${what}: the engine refused the API token.` };
    }
    if (response.status === 404) {
      return { ok: false, kind: 'unavailable', status: 404, message: `${what} is not available on this engine (HTTP 404).` };
    }
    if (!response.ok || data === undefined) {
      return { ok: false, kind: 'rejected', status: response.status, message: `${what}: ${errorText(error) ?? `HTTP ${response.status}`}` };
    }
    const refused = domainError(data);
    if (refused !== null) return { ok: false, kind: 'rejected', status: response.status, message: `${what}: ${refused}` };
    return { ok: true, data };
  }
}

// The extras answer expected failures with HTTP 200 and `{ ok: false, error }`.
function domainError(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || (data as { ok?: unknown }).ok !== false) return null;
  return errorText(data) ?? 'the engine refused';
}
