import { basename, extname } from 'node:path';

// The freedesktop.org Trash specification 1.0: every item in $trash/files has $trash/info/<name>.trashinfo.

const KEEP = /[A-Za-z0-9\-_.~/]/;

/** The Path= value: percent-encoded bytes (RFC 2396 escaping), "/" kept. */
export function encodeTrashPath(path: string): string {
  let out = '';
  for (const byte of Buffer.from(path, 'utf8')) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && KEEP.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const two = (n: number) => String(n).padStart(2, '0');

/** DeletionDate=: local time, YYYY-MM-DDThh:mm:ss, no zone (as the spec and every desktop write it). */
export function deletionDate(date: Date): string {
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** The .trashinfo text. `path` is absolute for the home trash, relative to the top folder for a $topdir trash. */
export function trashInfo(path: string, date: Date): string {
  return `[Trash Info]\nPath=${encodeTrashPath(path)}\nDeletionDate=${deletionDate(date)}\n`;
}

/** The n-th name tried for `original` in a trash: name, name.2.ext, name.3.ext, … (n ≥ 1). */
export function trashName(original: string, n: number): string {
  const name = basename(original);
  if (n === 1) return name;
  const ext = extname(name);
  const stem = ext && ext !== name ? name.slice(0, -ext.length) : name;
  return `${stem}.${n}${ext && ext !== name ? ext : ''}`;
}
