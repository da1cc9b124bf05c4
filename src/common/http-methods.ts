/** Methods that change nothing: no token, no declared input, no form-content or origin check (docs/security.md). */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
