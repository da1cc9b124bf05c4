import type { StoredScan } from './scan.types.js';

// The earlier engine's registry: 16 scans, each for 30 minutes after it completed (at least 60 s),
// evicted on put and get. A scan is also dropped once applied, so it cannot be applied twice.
export const REGISTRY_CAPACITY = 16;
export const SCAN_TTL_SEC = 30 * 60;
const MIN_TTL_SEC = 60;

export class ScanRegistry {
  private readonly scans = new Map<string, StoredScan>();
  private readonly ttlSec: number;

  constructor(
    private readonly nowSec: () => number,
    ttlSec = SCAN_TTL_SEC,
    private readonly capacity = REGISTRY_CAPACITY,
  ) {
    this.ttlSec = Math.max(MIN_TTL_SEC, ttlSec);
  }

  /** When a scan completed at `completedAt` stops being usable. */
  expiresAt(completedAt: number): number {
    return completedAt + this.ttlSec;
  }

  put(scan: StoredScan): void {
    this.evictExpired();
    this.scans.set(scan.answer.scan_id, scan);
    const byAge = [...this.scans.values()].sort((a, b) => a.answer.completed_at - b.answer.completed_at);
    for (const old of byAge.slice(0, Math.max(0, this.scans.size - this.capacity))) this.scans.delete(old.answer.scan_id);
  }

  get(id: string): StoredScan | undefined {
    this.evictExpired();
    return this.scans.get(id);
  }

  delete(id: string): void {
    this.scans.delete(id);
  }

  get size(): number {
    return this.scans.size;
  }

  private evictExpired(): void {
    const now = this.nowSec();
    for (const [id, scan] of this.scans) if (now >= this.expiresAt(scan.answer.completed_at)) this.scans.delete(id);
  }
}
