import { foldName } from './deny-list.js';

/** The safeguard's names, folded once (case-insensitive, a trailing `.exe` ignored on both sides). */
export function safeguardTargets(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.map(foldName).filter((n) => n.length > 0));
}

/** Exact equality after folding, as the earlier engine: `chrome` matches `CHROME.EXE`, never `chrome_crashpad`. */
export function matchesSafeguard(processName: string, targets: ReadonlySet<string>): boolean {
  const folded = foldName(processName);
  return folded.length > 0 && targets.has(folded);
}
