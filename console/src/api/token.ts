// The engine's API token, when it requires one: asked for once, kept for this browser tab's session only.
const KEY = 'sentracore.token';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (a locked-down browser): the token then lasts until the next 401.
  }
  for (const listener of listeners) listener();
}

const listeners = new Set<() => void>();

export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type Prompt = (reason: string) => Promise<string | null>;
let prompt: Prompt | null = null;
let pending: Promise<boolean> | null = null;

/** The token dialog registers itself here (ui/token-dialog.tsx). */
export function setTokenPrompt(next: Prompt | null): void {
  prompt = next;
}

/** Asks for the token (one dialog however many calls were refused at once); true when one was given. */
export function askForToken(reason: string): Promise<boolean> {
  if (!prompt) return Promise.resolve(false);
  const ask = prompt;
  pending ??= ask(reason)
    .then((token) => {
      if (token) storeToken(token);
      return Boolean(token);
    })
    .finally(() => (pending = null));
  return pending;
}
