// Jest globalSetup: child-process tests run `node dist/...`, so dist/ must match src/ first.
// Builds once, before any worker starts, and only when a source file is newer than the last build.
// (`npm test` already builds in `pretest`, which also fails on type errors; this covers bare `jest`.)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const builtMain = join(root, 'dist', 'main.js');
// Written last by `npm run build` (scripts/bundle.mjs bundles the compiled dist/main.js).
const builtBundle = join(root, 'dist', 'bundle', 'main.mjs');

function newestSourceMs() {
  let newest = 0;
  for (const name of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts/bundle.mjs', 'scripts/build-console.mjs'])
    newest = Math.max(newest, statSync(join(root, name)).mtimeMs);
  // The console's sources (console/) are built into dist/console-ui by the same build.
  for (const folder of ['src', 'console']) {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || entry.name.endsWith('.spec.ts')) continue;
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

export default function globalSetup() {
  if (existsSync(builtBundle) && statSync(builtBundle).mtimeMs >= newestSourceMs()) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const started = Date.now();
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
    process.stdout.write(`\nglobalSetup: compiled dist/ in ${Date.now() - started} ms\n`);
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    // Type errors still emit JavaScript; unit tests need no dist/ at all, so only a missing build is fatal.
    if (!existsSync(builtMain)) throw new Error(`build of dist/ failed (tsc -p tsconfig.build.json):\n${output}`, { cause: error });
    process.stdout.write(`\nglobalSetup: tsc reported errors; child-process tests use what it emitted:\n${output}\n`);
  }
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: root, stdio: 'pipe' });
  execFileSync(process.execPath, ['scripts/build-console.mjs'], { cwd: root, stdio: 'pipe' });
}
