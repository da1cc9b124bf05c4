import { accessSync, constants, existsSync } from 'node:fs';
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
export function isCreatableAndWritable(dir: string): boolean {
  let probe = dir;
  while (!existsSync(probe)) {
    const parent = dirname(probe);
    if (parent === probe) return false;
    probe = parent;
  }
  try {
    accessSync(probe, constants.W_OK);
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
