import { homedir } from 'node:os';
import type { RawOptions } from '../../src/config/resolve-options.js';

/**
 * The cleanup options of every in-process test engine: the worker's sandboxed home and empty
 * category table (test/setup/cleanup-sandbox.ts), unless the test passes its own temp-root table.
 * Child engines get the same through the environment they inherit.
 */
export function sandboxCleanup(cleanup: RawOptions['cleanup'] = {}): NonNullable<RawOptions['cleanup']> {
  const table = process.env.SENTRACORE_CLEANUP_CATEGORIES_FILE;
  if (!table) throw new Error('test/setup/cleanup-sandbox.ts did not run: no sandboxed cleanup table');
  const home = homedir();
  return { categoriesFile: table, homeDir: home, folders: { xdgDataHome: process.env.XDG_DATA_HOME }, ...cleanup };
}

/** `options` with the sandboxed cleanup settings filled in where the test gave none. */
export function withCleanupSandbox<T extends RawOptions>(options: T): T {
  return { ...options, cleanup: sandboxCleanup(options.cleanup) };
}
