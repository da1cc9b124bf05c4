import type { BigIntStats } from 'node:fs';
import type { Candidate } from '../scan/scan.types.js';
import { type FileRule, skipReason } from '../walk/file-rules.js';

/**
 * Whether the file found now is the very file the scan recorded and still meets every rule:
 * a regular file (not a symlink), same device and inode, same size and mtime, the age rule, not
 * changed in the last minutes, not a lock file. Null means delete; otherwise the reason it is skipped.
 */
export function changedSince(candidate: Candidate, now: BigIntStats | null, rule: FileRule, nowMs: number): string | null {
  if (!now) return 'gone';
  if (now.isSymbolicLink() || !now.isFile()) return 'no longer a regular file';
  if (now.dev !== candidate.dev || now.ino !== candidate.ino) return 'replaced by another file';
  if (Number(now.size) !== candidate.size || Number(now.mtimeMs) !== candidate.mtimeMs || Number(now.ctimeMs) !== candidate.ctimeMs) {
    return 'changed since the scan';
  }
  const reason = skipReason(candidate.path, now, rule, nowMs);
  return reason ? `rule no longer met (${reason})` : null;
}
