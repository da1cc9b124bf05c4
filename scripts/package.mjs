#!/usr/bin/env node
// `npm run package` (after `npm run build`; `--if-stale`: only when dist/ changed since): the single executable dist/package/SentraCoreEngine
// (SentraCoreEngine.exe on Windows) for this machine's platform, with Node's own single-executable
// support (docs/executable.md). Steps: a CommonJS esbuild bundle of dist/executable.js (Node 20 runs
// only CommonJS as an executable's main script), the files read from disk at run time as assets, the
// preparation blob (`node --experimental-sea-config`), a copy of this node binary, and postject to
// inject the blob into the copy (signatures removed first and re-made on macOS).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import postject from 'postject';
import { OPTIONAL_PACKAGES } from './optional-packages.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const WORK = join(DIST, 'sea');
export const PACKAGE_DIR = join(DIST, 'package');
export const EXECUTABLE = join(PACKAGE_DIR, process.platform === 'win32' ? 'SentraCoreEngine.exe' : 'SentraCoreEngine');
/** Written last: what the executable was built from (see sourceStamp); test/helpers/executable.ts compares it. */
export const STAMP = join(WORK, 'source.sha256');
// The fuse string Node looks for to know a blob was injected (Node's docs, "Single executable applications").
const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

// swagger-ui-dist files the Swagger UI page loads (@nestjs/swagger's HTML names them) plus the OAuth2
// redirect page; its source maps, ES-module builds and the petstore initializer are left out.
const SWAGGER_FILES = [
  'swagger-ui.css',
  'index.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-16x16.png',
  'favicon-32x32.png',
  'oauth2-redirect.html',
  'oauth2-redirect.js',
];

const posix = (path) => path.split(sep).join('/');
const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/** The inputs that decide the executable's content; equal stamps mean the executable is current. */
export function sourceStamp() {
  const hash = createHash('sha256');
  // The npm start bundle holds all of the engine but the executable's own entry files, listed after it.
  const inputs = [
    join(DIST, 'bundle', 'main.mjs'),
    ...['executable.js', 'standalone/apply-node-flags.js', 'standalone/node-flags.js', 'openapi/embedded-static.js'].map((file) => join(DIST, file)),
    join(DIST, 'console-ui', 'index.html'),
    join(ROOT, 'package.json'),
    fileURLToPath(import.meta.url),
    process.execPath,
  ];
  for (const file of inputs) hash.update(file === process.execPath ? process.version : readFileSync(file));
  return hash.digest('hex');
}

/** key → file on disk, as embedded-assets.ts, console-sources.ts and embedded-static.ts read them. */
function assets() {
  const swaggerDir = dirname(fileURLToPath(import.meta.resolve('swagger-ui-dist/package.json')));
  const consoleDir = join(DIST, 'console-ui');
  if (!existsSync(join(consoleDir, 'index.html'))) throw new Error(`${consoleDir} is missing: run "npm run build" first`);
  const map = { 'package.json': join(ROOT, 'package.json') };
  for (const file of filesUnder(consoleDir)) map[`console-ui/${posix(relative(consoleDir, file))}`] = file;
  for (const name of SWAGGER_FILES) map[`swagger-ui-dist/${name}`] = join(swaggerDir, name);
  return map;
}

/**
 * Nest 12's ES modules load some packages at run time through `createRequire(import.meta.url)`: ws
 * (the WebSocket adapter), class-validator and class-transformer (@nestjs/mapped-types), which an
 * executable cannot find on disk. Turned back into plain require() calls, esbuild bundles them.
 */
const bundleRuntimeRequires = {
  name: 'bundle-runtime-requires',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]@nestjs[\\/].*\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('createRequire(import.meta.url)')) return undefined;
      const contents = source.replace(/const require = createRequire\(import\.meta\.url\);/g, '').replace(/createRequire\(import\.meta\.url\)\(/g, 'require(');
      return { contents, loader: 'js' };
    });
  },
};

async function bundle(outfile) {
  await build({
    entryPoints: [join(DIST, 'executable.js')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    // @nestjs/mapped-types tries class-transformer/cjs/storage first, then this older path, which the installed version lacks.
    external: [...OPTIONAL_PACKAGES, 'class-transformer/storage'],
    // The Swagger UI's assets are served from the executable, never from a folder (openapi/embedded-static.ts).
    alias: { '@fastify/static': join(DIST, 'openapi', 'embedded-static.js') },
    // ES modules in the bundle (the engine's, Nest 12's) read import.meta.url; CommonJS has none, so the
    // bundle's own file stands in (in the executable, the executable: PACKAGE_ROOT does not use it there).
    // ws's optional native add-ons are tried with require() at load time; an executable has none, and
    // the failed try would print Node's "only built-in modules" warning on every start.
    define: { 'import.meta.url': '__bundleUrl', 'process.env.WS_NO_BUFFER_UTIL': '"1"', 'process.env.WS_NO_UTF_8_VALIDATE': '"1"' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [bundleRuntimeRequires],
    logLevel: 'warning',
  });
}

function run(command, args) {
  execFileSync(command, args, { stdio: 'inherit' });
}

/** True when the executable exists and was built from the current dist/ (`--if-stale` then does nothing). */
function isCurrent(stamp) {
  return existsSync(EXECUTABLE) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === stamp;
}

async function main() {
  const started = Date.now();
  if (!existsSync(join(DIST, 'executable.js'))) throw new Error('dist/executable.js is missing: run "npm run build" first (npm run package does)');
  const stamp = sourceStamp();
  if (process.argv.includes('--if-stale') && isCurrent(stamp)) {
    process.stdout.write(`${relative(ROOT, EXECUTABLE)} is current\n`);
    return;
  }
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  mkdirSync(PACKAGE_DIR, { recursive: true });
  const main = join(WORK, 'main.cjs');
  await bundle(main);

  const blob = join(WORK, 'sea-prep.blob');
  const config = { main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, assets: assets() };
  const configFile = join(WORK, 'sea-config.json');
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  run(process.execPath, ['--experimental-sea-config', configFile]);

  rmSync(EXECUTABLE, { force: true });
  copyFileSync(process.execPath, EXECUTABLE);
  chmodSync(EXECUTABLE, 0o755);
  // macOS refuses to run a signed binary whose content changed: unsign, inject, then sign ad hoc.
  if (process.platform === 'darwin') run('codesign', ['--remove-signature', EXECUTABLE]);
  await postject.inject(EXECUTABLE, 'NODE_SEA_BLOB', readFileSync(blob), {
    sentinelFuse: SENTINEL_FUSE,
    ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
  });
  if (process.platform === 'darwin') run('codesign', ['--sign', '-', EXECUTABLE]);
  writeFileSync(STAMP, `${stamp}\n`);

  const mb = (statSync(EXECUTABLE).size / 1024 / 1024).toFixed(1);
  const assetCount = Object.keys(config.assets).length;
  process.stdout.write(
    `${relative(ROOT, EXECUTABLE)}: ${mb} MiB (node ${process.version} ${process.platform}-${process.arch}, ${assetCount} assets) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
