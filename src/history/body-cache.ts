import type { DayColumns } from './day-columns.js';
import type { Segment } from './history-query.js';
import type { HistorySummaryRecord } from './history-summary.js';

const MAX_ENTRIES = 8;
const MAX_BYTES = 16 * 1024 * 1024;

/**
 * The last few GET /history bodies, so dashboards polling the same window (and a burst of equal
 * requests) share one buffer instead of each re-reading and re-copying ~1.7 MB for 24 h.
 *
 * The key is the selection itself (which lines of which indexed day) plus the archive summary:
 * every append, prune or clear changes the summary, so a stale body can never be served.
 */
export class BodyCache {
  private readonly bodies = new Map<string, Buffer>();
  private readonly columnIds = new WeakMap<DayColumns, number>();
  private nextColumnId = 0;
  private bytes = 0;

  key(segments: readonly Segment[], summary: HistorySummaryRecord): string {
    const picks = segments.map((s) => `${this.idOf(s.columns)}:${s.lo}-${s.hi}`).join(',');
    return `${JSON.stringify(summary)}|${picks}`;
  }

  get(key: string): Buffer | undefined {
    const body = this.bodies.get(key);
    if (body) {
      // Most recently used goes last, so eviction takes the oldest first.
      this.bodies.delete(key);
      this.bodies.set(key, body);
    }
    return body;
  }

  set(key: string, body: Buffer): void {
    if (body.length > MAX_BYTES || this.bodies.has(key)) return;
    this.bodies.set(key, body);
    this.bytes += body.length;
    for (const [oldKey, old] of this.bodies) {
      if (this.bodies.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      this.bodies.delete(oldKey);
      this.bytes -= old.length;
    }
  }

  private idOf(columns: DayColumns): number {
    let id = this.columnIds.get(columns);
    if (id === undefined) this.columnIds.set(columns, (id = this.nextColumnId++));
    return id;
  }
}
