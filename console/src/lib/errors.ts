/**
 * The readable part of an error body: Nest's `message` (a string, or the validation messages, each
 * naming its field), the extras' `error`, or FastAPI-style `detail` entries. Null when there is none.
 */
export function errorText(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() || null;
  if (typeof body !== 'object' || body === null) return null;
  const { message, error, detail } = body as { message?: unknown; error?: unknown; detail?: unknown };
  if (Array.isArray(message) && message.length > 0) return message.map(String).join('; ');
  if (typeof message === 'string' && message) return message;
  if (typeof error === 'string' && error) return error;
  if (Array.isArray(detail) && detail.length > 0) {
    return detail.map((d: { msg?: unknown; loc?: unknown }) => [Array.isArray(d.loc) ? d.loc.join('.') : null, d.msg].filter(Boolean).join(': ')).join('; ');
  }
  return null;
}

/** The messages among `text` (separated by "; ") that name `field`, for showing beside that field. */
export function messagesFor(field: string, text: string): string[] {
  return text.split('; ').filter((part) => new RegExp(`\\b${field}\\b`).test(part));
}
