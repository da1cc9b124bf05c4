#!/usr/bin/env node
// Bundles the standalone server (dist/main.js, already compiled by tsc with its decorator
// metadata) into one file, dist/bundle/main.mjs, which `npm start` runs. Loading ~1,200 module
// files was most of the start-up time (1.9 s to the first 200 on /health; bundled about 1.0 s).
// The embedded library (dist/index.js) stays unbundled.
//
// The bundle sits two folders below the package root, as every compiled module does, so paths
// resolved from its own location (the package root: package.json, engine-config.json) stay right.
import { build } from 'esbuild';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { asciiOnly, EXTERNAL_ON_DEMAND, lazyPackages } from './bundle-slim.mjs';
import { OPTIONAL_PACKAGES } from './optional-packages.mjs';

const EXTERNAL = [
  // Serves its own files from its install folder, so it must stay a real package.
  'swagger-ui-dist',
  ...OPTIONAL_PACKAGES,
  // Loaded from node_modules on first use only (scripts/bundle-slim.mjs).
  ...EXTERNAL_ON_DEMAND,
];

const { outputFiles } = await build({
  entryPoints: ['dist/main.js'],
  outfile: 'dist/bundle/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Identifiers stay unmangled: mangled, the engine measured more RSS, not less (113 MB peak
  // against 104 MB, bench/README-overhead.md), and stack traces would lose the class names.
  minifyWhitespace: true,
  minifySyntax: true,
  // Class names are API here: Nest logs by them and Swagger names the OpenAPI schemas after them.
  keepNames: true,
  external: EXTERNAL,
  plugins: [lazyPackages],
  write: false,
  // The CommonJS packages inside the bundle still call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
// ASCII only, so V8 holds the source as one-byte characters (half the memory; scripts/bundle-slim.mjs).
for (const file of outputFiles) {
  await mkdir(dirname(file.path), { recursive: true });
  await writeFile(file.path, asciiOnly(file.text));
}
