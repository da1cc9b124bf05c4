/** One failure entry of an apply answer: a file or a whole category. */
export interface ApplyError {
  path?: string;
  category?: string;
  error: string;
}

export const MAX_ERRORS = 50;

/** The first MAX_ERRORS failures in full, then only a count (`errors_truncated`). */
export class ErrorList {
  readonly items: ApplyError[] = [];
  dropped = 0;

  add(entry: ApplyError): void {
    if (this.items.length < MAX_ERRORS) this.items.push(entry);
    else this.dropped++;
  }
}
