import type { RawOptions } from '../../src/config/resolve-options.js';

/**
 * The cleanup options of every in-process test engine: the worker's sandboxed home and empty
 * category table (test/setup/cleanup-sandbox.ts), unless the test passes its own temp-root table.
 * Child engines get the same through the environment they inherit.
 */
export function sandboxCleanup(cleanup: RawOptions['cleanup'] = {}): NonNullable<RawOptions['cleanup']> {
  const table = process.env.SENTRACORE_CLEANUP_CATEGORIES_FILE;
  if (!table) throw new Error('test/setup/cleanup-sandbox.ts did not run: no sandboxed cleanup table');
  // Jest gives each test file its own copy of process.env; os.homedir() reads the real one, so the home comes from here.
  const home = process.env.HOME;
  if (!home) throw new Error('no sandboxed HOME');
  return { categoriesFile: table, homeDir: home, folders: { xdgDataHome: process.env.XDG_DATA_HOME }, ...cleanup };
}

/** The sandboxed home of this worker (a temp folder; never the real home). */
export const sandboxHome = (): string => sandboxCleanup().homeDir!;

/** `options` with the sandboxed cleanup settings filled in where the test gave none. */
export function withCleanupSandbox<T extends RawOptions>(options: T): T {
  return { ...options, cleanup: sandboxCleanup(options.cleanup) };
}
