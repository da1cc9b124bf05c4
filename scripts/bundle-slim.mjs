// What scripts/bundle.mjs leaves out of dist/bundle/main.mjs, or loads only on first use, to keep
// start-up and memory down (issue 18; measured in docs/performance.md):
//
// - LAZY: packages the framework imports at start-up but calls only from features this engine never
//   uses. Each is replaced by a stand-in whose first property read requires the real package from
//   node_modules. luxon (108 KB of bundle) comes with cron via @nestjs/schedule, which needs it only for
//   @Cron jobs (the engine schedules intervals); libphonenumber-js (368 KB) comes with class-validator,
//   which needs it only for @IsPhoneNumber.
// - EXTERNAL_ON_DEMAND: packages the engine itself imports only on some platforms, resolved from
//   node_modules when (if ever) they are imported. systeminformation (433 KB) is the telemetry source
//   off Linux only (src/telemetry/system.source.ts imports it dynamically).
// - BUNDLED_RUNTIME_REQUIRES: @nestjs/platform-ws loads ws with createRequire(import.meta.url)('ws'),
//   which esbuild cannot follow, so ws (20 files) was loaded from node_modules at every start (about
//   30 ms) on top of the copy already in the bundle. The plain require(), resolved from the package root
//   as that createRequire did from dist/bundle/ (the top-level ws, not platform-ws's nested copy), makes
//   esbuild bundle it once.
// - asciiOnly: V8 keeps a script's source in memory for as long as the script lives, as one-byte
//   characters if every character is Latin-1 and as two-byte otherwise. esbuild escapes non-ASCII text
//   in strings but not in regular-expression literals (class-validator's locale alphabets), so the whole
//   4.4 MB bundle was held at 8.7 MB. \uXXXX escapes mean the same in every JavaScript context esbuild
//   leaves them in (regex literals without the u flag, strings, templates, identifiers).

import { readFile } from 'node:fs/promises';

/** Consumers read these lazily: CommonJS requires whose exports are used only inside functions. */
export const LAZY = ['luxon', 'libphonenumber-js/max'];

export const EXTERNAL_ON_DEMAND = ['systeminformation'];

export const BUNDLED_RUNTIME_REQUIRES = [
  { file: /@nestjs[\\/]platform-ws[\\/]adapters[\\/]ws-adapter\.js$/, from: "createRequire(import.meta.url)('ws')", to: "require('ws')" },
];

const exact = (name) => new RegExp(`^${name.replace(/[/.-]/g, (c) => `\\${c}`)}$`);

/** @type {import('esbuild').Plugin} */
export const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    for (const name of LAZY) {
      // The stand-in's own require of the package stays a runtime require (external).
      build.onResolve({ filter: exact(name) }, (args) => (args.namespace === 'lazy' ? { path: name, external: true } : { path: name, namespace: 'lazy' }));
    }
    for (const { file, from, to } of BUNDLED_RUNTIME_REQUIRES) {
      build.onLoad({ filter: file }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes(from)) throw new Error(`${args.path} no longer contains ${from}: update scripts/bundle-slim.mjs`);
        return { contents: text.replace(from, to), loader: 'js', resolveDir: process.cwd() };
      });
    }
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      loader: 'js',
      contents: `let real; module.exports = new Proxy({}, { get(_target, key) { real ??= require(${JSON.stringify(args.path)}); return real[key]; } });`,
    }));
  },
};

/** Escapes every non-ASCII character as \uXXXX (UTF-16 code units, so astral characters become pairs). */
export function asciiOnly(text) {
  const unit = (code) => `\\u${code.toString(16).padStart(4, '0')}`;
  return text.replace(/[^\p{ASCII}]/gu, (c) => (c.length === 1 ? unit(c.charCodeAt(0)) : unit(c.charCodeAt(0)) + unit(c.charCodeAt(1))));
}
