import { setFlagsFromString } from 'node:v8';

/** The V8 flags `npm start` passes on node's command line (package.json "start"). */
export const NPM_START_NODE_FLAGS = ['--max-semi-space-size=4', '--no-memory-reducer', '--optimize-for-size'] as const;

/**
 * Applies npm start's V8 flags from inside the process, for the single executable: Node 20 reads no
 * node options from an executable's config (sea-config.json's execArgv came in a later release), and
 * it reads NODE_OPTIONS, which the dashboard does not set. Called first thing, before the engine's
 * modules load. V8 sizes the young generation when it creates the heap, which happened before any
 * JavaScript ran, so the semi-space limit does not take hold this way (measured: new space stays at
 * 32 MB); what the executable costs beside npm start is measured in docs/executable.md.
 */
export function applyNodeFlags(execArgv: readonly string[] = process.execArgv, set: (flag: string) => void = setFlagsFromString): string[] {
  const missing = NPM_START_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
  for (const flag of missing) set(flag);
  return missing;
}
