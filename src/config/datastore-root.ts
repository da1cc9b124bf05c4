import { accessSync, closeSync, constants, existsSync, openSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export interface RootCandidates {
  override?: string;
  packageDir?: string;
  localAppData?: string;
  homeDir?: string;
}

// A folder "can be created and written" when it exists and is writable, or when its nearest
// existing ancestor is writable. Checking access writes nothing (SPEC §2: resolving writes nothing).
// Sync on purpose: it runs once, before the app exists, on a handful of stat calls.
// On Windows access() reads only the read-only attribute, never the folder's ACL, so it calls a
// Program Files folder writable for any user; there a probe file is created and removed at once
// (docs/executable.md: a portable copy keeps its datastore beside it, an installed one does not).
export function isCreatableAndWritable(dir: string, platform: NodeJS.Platform = process.platform): boolean {
  let probe = dir;
  while (!existsSync(probe)) {
    const parent = dirname(probe);
    if (parent === probe) return false;
    probe = parent;
  }
  if (platform === 'win32') return canCreateFileIn(probe);
  try {
    accessSync(probe, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function canCreateFileIn(dir: string): boolean {
  const file = join(dir, `.sentracore-write-probe-${process.pid}`);
  try {
    closeSync(openSync(file, 'wx'));
    unlinkSync(file);
    return true;
  } catch {
    return false;
  }
}

/** SPEC §2: override, package datastore/ if writable, %LOCALAPPDATA%, ~/.local/share. */
export function resolveDatastoreRoot(candidates: RootCandidates, canWrite = isCreatableAndWritable): string {
  if (candidates.override) return candidates.override;
  if (candidates.packageDir) {
    const packageStore = join(candidates.packageDir, 'datastore');
    if (canWrite(packageStore)) return packageStore;
  }
  if (candidates.localAppData) return join(candidates.localAppData, 'SentraCore', 'datastore');
  return join(candidates.homeDir ?? homedir(), '.local', 'share', 'SentraCore', 'datastore');
}
