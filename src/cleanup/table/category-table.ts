import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { CategorySpec } from './category.js';
import { parseCategoryTable } from './category.js';

/** A category as this machine has it now: real, existing, de-duplicated roots. */
export interface ResolvedCategory {
  spec: CategorySpec;
  /** Real paths of the roots that exist as folders, each once, none inside another of this category. */
  roots: string[];
  /** Real roots of other categories nested inside this one's: walked by them, not by this one. */
  excludes: string[];
}

export interface CategoryTable {
  categories: ResolvedCategory[];
  source: 'builtin' | 'file';
  /** Why the configured table file could not be used (then there are no categories at all). */
  error?: string;
}

/** `inner` is `outer` or below it (real paths). */
export const isInside = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/** Expands one `*` path segment (Firefox's profile folders) into the folders that exist. */
async function expandStar(root: string): Promise<string[]> {
  const parts = root.split(/[\\/]/);
  const star = parts.indexOf('*');
  if (star < 0) return [root];
  const parent = parts.slice(0, star).join(sep) || sep;
  const rest = parts.slice(star + 1);
  const names = await readdir(parent).catch(() => [] as string[]);
  return names.sort().map((name) => join(parent, name, ...rest));
}

async function realFolder(path: string): Promise<string | null> {
  try {
    const real = await realpath(path);
    return (await lstat(real)).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

async function realRoots(spec: CategorySpec): Promise<string[]> {
  const found: string[] = [];
  for (const root of spec.roots) {
    for (const path of await expandStar(root)) {
      const real = await realFolder(path);
      if (real && !found.includes(real)) found.push(real);
    }
  }
  // A root inside another root of the same category would be walked twice.
  return found.filter((root) => !found.some((other) => other !== root && isInside(root, other)));
}

/**
 * Resolves a table against this machine: categories without an existing root are dropped, a root
 * already claimed by an earlier category is dropped from later ones, and a root nested in another
 * category's root is excluded from that outer walk (so `~/.cache/pip` counts once, as pip_cache).
 */
export async function resolveTable(specs: CategorySpec[]): Promise<ResolvedCategory[]> {
  const claimed = new Set<string>();
  const resolved: ResolvedCategory[] = [];
  for (const spec of specs) {
    const roots = (await realRoots(spec)).filter((root) => !claimed.has(root));
    roots.forEach((root) => claimed.add(root));
    if (roots.length > 0) resolved.push({ spec, roots, excludes: [] });
  }
  for (const category of resolved) {
    const others = resolved.filter((other) => other !== category).flatMap((other) => other.roots);
    category.excludes = others.filter((root) => category.roots.some((own) => root !== own && isInside(root, own)));
  }
  return resolved;
}

/** The table file, or the built-in rows. A broken file gives no categories (never the built-in table). */
export async function loadTable(file: string | undefined, builtin: () => CategorySpec[]): Promise<CategoryTable> {
  if (!file) return { categories: await resolveTable(builtin()), source: 'builtin' };
  try {
    return { categories: await resolveTable(parseCategoryTable(await readFile(file, 'utf8'))), source: 'file' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { categories: [], source: 'file', error: `cleanup categories file ${file}: ${reason}` };
  }
}
