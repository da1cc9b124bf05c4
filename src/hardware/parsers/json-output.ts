/**
 * JSON from a tool's stdout, tolerating noise around it (a warning line before PowerShell's JSON):
 * the whole text, then the span from the first `{` to the last `}`, then from `[` to `]`.
 * Undefined when none parses.
 */
export function parseJsonOutput(text: string): unknown {
  if (!text.trim()) return undefined;
  const candidates = [text, span(text, '{', '}'), span(text, '[', ']')];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next span
    }
  }
  return undefined;
}

function span(text: string, open: string, close: string): string | undefined {
  const start = text.indexOf(open);
  const end = text.lastIndexOf(close);
  return start !== -1 && end > start ? text.slice(start, end + 1) : undefined;
}

/**
 * PowerShell's ConvertTo-Json writes one object for one row and an array for several, and Windows
 * PowerShell 5.1 sometimes wraps an array property as `{"value":[...],"Count":n}`: always a list.
 */
export function rows(value: unknown): Record<string, unknown>[] {
  const wrapped = objectOf(value);
  const list = Array.isArray(value) ? value : Array.isArray(wrapped.value) && 'Count' in wrapped ? wrapped.value : value == null ? [] : [value];
  return (list as unknown[]).filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null && !Array.isArray(row));
}

/** A list of scalars, tolerating the same PowerShell shapes as `rows`. */
export function scalars(value: unknown): unknown[] {
  const wrapped = objectOf(value);
  if (Array.isArray(value)) return value;
  if (Array.isArray(wrapped.value) && 'Count' in wrapped) return wrapped.value;
  return value == null ? [] : [value];
}

/** A finite number from a JSON value (numbers, or numeric strings as CIM sometimes gives for uint64). */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** A trimmed non-empty string, or null. */
export const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** A nested object (or an empty one). */
export const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
