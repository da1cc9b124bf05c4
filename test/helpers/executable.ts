import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './child-process.js';

/** Where `npm run package` writes the single executable (scripts/package.mjs). */
export const EXECUTABLE = join(REPO_ROOT, 'dist', 'package', process.platform === 'win32' ? 'SentraCoreEngine.exe' : 'SentraCoreEngine');

/**
 * Builds the executable when it is missing or older than dist/ (jest's globalSetup has rebuilt dist/
 * by then); a current one is left alone, so this costs well under a second after `npm run package`.
 */
export function ensureExecutable(): string {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'package.mjs'), '--if-stale'], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 300_000 });
  return EXECUTABLE;
}
