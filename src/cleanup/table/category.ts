import { isAbsolute } from 'node:path';

/** How a category's files are removed: plain files, or a trash whose own bookkeeping must stay in step. */
export type TrashKind = 'xdg' | 'mac' | 'windows';

/**
 * One row of a category table: the `GET /cleanup/categories` shape plus optional policy fields
 * (`extensions`, `max_depth`, `lock_file`, `trash`). Built-in tables and SENTRACORE_CLEANUP_CATEGORIES_FILE
 * both produce this.
 */
export interface CategorySpec {
  id: string;
  label: string;
  description: string;
  /** Absolute folders; missing ones are dropped when the table is loaded. */
  roots: string[];
  min_age_days: number;
  /** The category needs administrator rights (as declared by the table). */
  requires_admin: boolean;
  /** Only files with one of these endings (case-insensitive), e.g. [".deb"]. */
  extensions?: string[];
  /** Directory levels below a root that are walked (default 12). */
  max_depth?: number;
  /** A file another program locks while it uses the folder (APT's `lock`): the category is skipped while it is held. */
  lock_file?: string;
  /** The category is a trash: emptied with that trash's own semantics, never "recycled". */
  trash?: TrashKind;
}

export const DEFAULT_MAX_DEPTH = 12;
const ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const TRASH_KINDS = new Set<string>(['xdg', 'mac', 'windows']);

const isText = (value: unknown, max = 500): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;

/** Checks one row of a table file; returns the problem in words, or null when the row is valid. */
function rowProblem(row: Record<string, unknown>): string | null {
  if (!isText(row.id, 64) || !ID.test(row.id)) return 'id must be 1-64 characters of a-z, 0-9, "_", "." or "-"';
  if (!isText(row.label) || !isText(row.description, 2000)) return 'label and description must be non-empty strings';
  if (!Array.isArray(row.roots) || row.roots.length === 0 || row.roots.length > 32) return 'roots must list 1 to 32 folders';
  if (!row.roots.every((root) => isText(root, 4096) && isAbsolute(root))) return 'every root must be an absolute path';
  if (typeof row.min_age_days !== 'number' || !Number.isFinite(row.min_age_days) || row.min_age_days < 0) return 'min_age_days must be a number >= 0';
  if (typeof row.requires_admin !== 'boolean') return 'requires_admin must be true or false';
  if (row.extensions !== undefined && !(Array.isArray(row.extensions) && row.extensions.every((e) => isText(e, 32) && e.startsWith('.')))) {
    return 'extensions must be a list of endings such as ".deb"';
  }
  if (row.max_depth !== undefined && !(Number.isInteger(row.max_depth) && (row.max_depth as number) >= 0 && (row.max_depth as number) <= 64)) {
    return 'max_depth must be an integer from 0 to 64';
  }
  if (row.lock_file !== undefined && !(isText(row.lock_file, 4096) && isAbsolute(row.lock_file))) return 'lock_file must be an absolute path';
  if (row.trash !== undefined && !TRASH_KINDS.has(row.trash as string)) return 'trash must be "xdg", "mac" or "windows"';
  return null;
}

/** Parses a category table file: an array of rows. Throws an Error naming the bad row. */
export function parseCategoryTable(text: string): CategorySpec[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error('the table must be a JSON array of categories');
  const seen = new Set<string>();
  return parsed.map((row: unknown, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new Error(`category ${index}: not an object`);
    const record = row as Record<string, unknown>;
    const problem = rowProblem(record);
    if (problem) throw new Error(`category ${index}: ${problem}`);
    if (seen.has(record.id as string)) throw new Error(`category ${index}: duplicate id "${String(record.id)}"`);
    seen.add(record.id as string);
    const spec: CategorySpec = {
      id: record.id as string,
      label: record.label as string,
      description: record.description as string,
      roots: [...(record.roots as string[])],
      min_age_days: record.min_age_days as number,
      requires_admin: record.requires_admin as boolean,
    };
    if (record.extensions) spec.extensions = [...(record.extensions as string[])];
    if (record.max_depth !== undefined) spec.max_depth = record.max_depth as number;
    if (record.lock_file) spec.lock_file = record.lock_file as string;
    if (record.trash) spec.trash = record.trash as TrashKind;
    return spec;
  });
}
