/** Fixed-capacity ring of the most recent values; the oldest value is dropped first. */
export class TimeSeriesBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`buffer capacity must be a positive integer: ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  /** Capacity covering `windowSec` at one value per `intervalSec` (300 s at 2 s → 150). */
  static forWindow<T>(windowSec: number, intervalSec: number): TimeSeriesBuffer<T> {
    return new TimeSeriesBuffer<T>(Math.max(1, Math.round(windowSec / intervalSec)));
  }

  get count(): number {
    return this.size;
  }

  push(value: T): void {
    const end = (this.start + this.size) % this.capacity;
    this.items[end] = value;
    if (this.size < this.capacity) this.size += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** The last `n` values (all when omitted), oldest first. */
  last(n = this.size): T[] {
    const take = Math.max(0, Math.min(n, this.size));
    const out: T[] = [];
    for (let i = this.size - take; i < this.size; i += 1) out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.size = 0;
  }
}
