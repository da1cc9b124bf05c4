import type { DayColumns } from '../index/day-columns.js';
import type { Segment } from './history-query.js';
import type { HistorySummaryRecord } from './history-summary.js';

const MAX_ENTRIES = 8;
const MAX_BYTES = 16 * 1024 * 1024;

interface Entry {
  body: Promise<Buffer>;
  bytes: number;
}

/**
 * The last few GET /history bodies, so dashboards polling the same window (and a burst of equal
 * requests) share one buffer instead of each re-reading and re-copying ~1.7 MB for 24 h.
 *
 * The key is the selection itself (which lines of which indexed day) plus the archive summary:
 * every append, prune or clear changes the summary, so a stale body can never be served.
 * A body being built is shared too, so 50 clients arriving together build it once.
 */
export class BodyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly columnIds = new WeakMap<DayColumns, number>();
  private nextColumnId = 0;
  private bytes = 0;

  key(segments: readonly Segment[], summary: HistorySummaryRecord): string {
    const picks = segments.map((s) => `${this.idOf(s.columns)}:${s.lo}-${s.hi}`).join(',');
    return `${JSON.stringify(summary)}|${picks}`;
  }

  async getOrCreate(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used goes last, so eviction takes the oldest first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.body;
    }
    const entry: Entry = { body: make(), bytes: 0 };
    this.entries.set(key, entry);
    try {
      const body = await entry.body;
      if (this.entries.get(key) === entry) {
        entry.bytes = body.length;
        this.bytes += body.length;
        this.evict();
      }
      return body;
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key);
      throw error;
    }
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) return;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }

  private idOf(columns: DayColumns): number {
    let id = this.columnIds.get(columns);
    if (id === undefined) this.columnIds.set(columns, (id = this.nextColumnId++));
    return id;
  }
}
