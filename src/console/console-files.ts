import { isAbsolute, join, normalize, relative, sep } from 'node:path';

/**
 * The console's static files on disk, as `npm run build` writes them (scripts/build-console.mjs):
 * `index.html` and `assets/<name>-<hash>.<ext>`. Nothing here reads a file: the server streams each
 * one from disk when it is asked for, so an engine that nobody browses holds none of them in memory.
 */

// Only the kinds of file the build emits are served; anything else under the folder is not.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * No inline script or style, nothing from elsewhere: the console talks to its own origin only.
 * Setting `element.style` from script (Preact, uPlot) is CSSOM, which `style-src 'self'` allows.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every console response carries (the page, its assets and its 404s). */
export const CONSOLE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface AssetFile {
  path: string;
  contentType: string;
}

/**
 * The file under `<root>/assets/` that an asset URL names, or null for anything that is not a plain
 * file name of a served kind: no sub-folders, no dot-files, no `..`, no encoded separators.
 */
export function assetFile(root: string, name: string): AssetFile | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name) || name.includes('..')) return null;
  const contentType = CONTENT_TYPES[name.slice(name.lastIndexOf('.'))];
  if (!contentType) return null;
  const folder = join(root, 'assets');
  const path = normalize(join(folder, name));
  const rel = relative(folder, path);
  // Belt and braces: the pattern above already rules out every way out of the folder.
  if (rel === '' || rel.startsWith('..') || rel.includes(sep) || isAbsolute(rel)) return null;
  return { path, contentType };
}

const API_BASE_META = /<meta name="sentracore-api-base" content="[^"]*"\s*\/?>/;

/** The page as served: the API's base path written into its `<meta>` (the page reads it at start). */
export function renderIndex(html: string, apiBasePath: string): string {
  const escaped = apiBasePath.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return html.replace(API_BASE_META, `<meta name="sentracore-api-base" content="${escaped}">`);
}
