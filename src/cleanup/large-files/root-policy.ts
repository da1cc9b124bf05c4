import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { isInside } from '../table/category-table.js';
import { isSystemFolder } from './system-folders.js';

export interface PolicyInput {
  path: string;
  home: string;
  extraRoots: string[];
  platform: NodeJS.Platform;
  systemFolders: string[];
}

const real = (path: string): Promise<string | null> => realpath(path).catch(() => null);

/** `~` and `~/…` name the engine user's home, as in the earlier engine. */
export function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  return path.startsWith('~/') || path.startsWith('~\\') ? join(home, path.slice(2)) : path;
}

/**
 * The real folder the finder may walk for `path`, or why not: only absolute paths, resolved once,
 * inside the user's home or a SENTRACORE_LARGE_FILES_ROOTS folder, and not a system folder.
 */
export async function allowedStart(input: PolicyInput): Promise<{ start: string } | { error: string }> {
  const asked = expandHome(input.path.trim(), input.home);
  if (!isAbsolute(asked)) return { error: `path must be an absolute folder path: "${input.path}"` };
  const start = await real(asked);
  if (!start) return { error: `no such folder: ${asked}` };
  if (!(await lstat(start)).isDirectory()) return { error: `not a folder: ${asked}` };
  const roots = (await Promise.all([input.home, ...input.extraRoots].map(real))).filter((root): root is string => root !== null);
  if (!roots.some((root) => isInside(start, root))) {
    return { error: `${asked} is outside the folders the finder may walk (${roots.join(', ') || 'none'}); add it to SENTRACORE_LARGE_FILES_ROOTS` };
  }
  if (isSystemFolder(start, input.platform, input.systemFolders)) return { error: `${asked} is a system folder; the finder does not walk it` };
  return { start };
}
