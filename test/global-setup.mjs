// Jest globalSetup: child-process tests run `node dist/...`, so dist/ must match src/ first.
// Builds once, before any worker starts, and only when a source file is newer than the last build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');

function newestSourceMs() {
  let newest = 0;
  for (const name of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) newest = Math.max(newest, statSync(join(root, name)).mtimeMs);
  for (const entry of readdirSync(join(root, 'src'), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export default function globalSetup() {
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestSourceMs()) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const started = Date.now();
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`build of dist/ failed (tsc -p tsconfig.build.json):\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  }
  // Stamped with the start time: a source saved during the build still counts as newer.
  writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
  utimesSync(stamp, started / 1000, started / 1000);
  process.stdout.write(`\nglobalSetup: built dist/ in ${Date.now() - started} ms\n`);
}
