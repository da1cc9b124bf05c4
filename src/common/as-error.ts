/** Whatever was thrown, as an Error (Nest's Logger prints an Error's stack, anything else as text). */
export const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
