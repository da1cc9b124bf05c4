#!/usr/bin/env node
// Builds the web console (console/, docs/console.md) into static files in dist/console-ui/:
// index.html plus assets/<name>-<hash>.{js,css,svg}. Everything the page needs is in there (no CDN,
// no remote fonts), and the page loads nothing inline, so the server can send a strict CSP.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

const SRC = 'console';
const OUT = join('dist', 'console-ui');
const ENTRY = join(SRC, 'src', 'main.tsx');

await rm(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: [ENTRY],
  outdir: join(OUT, 'assets'),
  entryNames: 'console-[hash]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  format: 'esm',
  // The History page (and uPlot) is a chunk of its own, loaded when that page opens.
  splitting: true,
  // Browsers of the last few years; nothing older is worth a bigger bundle.
  target: ['chrome111', 'firefox115', 'safari16.4'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

const [js, entry] = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === ENTRY) ?? [];
if (!js || !entry.cssBundle) throw new Error(`build-console: no JS or CSS output for ${ENTRY}`);
// The chunks the entry imports statically are fetched with it rather than after it has been parsed.
const preloads = entry.imports
  .filter((i) => i.kind === 'import-statement')
  .map((i) => `<link rel="modulepreload" href="assets/${basename(i.path)}" />`)
  .join('\n    ');

// The icon keeps the browser from asking for /favicon.ico (a 404 in every page's console).
const icon = await readFile(join(SRC, 'icon.svg'));
const iconName = `icon-${createHash('sha256').update(icon).digest('hex').slice(0, 8).toUpperCase()}.svg`;
await mkdir(join(OUT, 'assets'), { recursive: true });
await writeFile(join(OUT, 'assets', iconName), icon);

const template = await readFile(join(SRC, 'index.html'), 'utf8');
const page = template
  .replace('%ICON%', `assets/${iconName}`)
  .replace('%CSS%', `assets/${basename(entry.cssBundle)}`)
  .replace('%PRELOAD%', preloads)
  .replace('%JS%', `assets/${basename(js)}`);
if (/%[A-Z]+%/.test(page)) throw new Error('build-console: a placeholder of console/index.html was left unfilled');
await writeFile(join(OUT, 'index.html'), page);
