import { describe, expect, it } from '@jest/globals';
import { ScanRegistry } from './scan-registry.js';
import type { StoredScan } from './scan.types.js';

const scan = (id: string, completedAt: number) => ({ answer: { scan_id: id, completed_at: completedAt }, recorded: new Map() }) as unknown as StoredScan;

describe('ScanRegistry (16 scans, 30 minutes after completion, as the earlier engine)', () => {
  it('after 18 puts, 16 remain and the two oldest are gone', () => {
    const registry = new ScanRegistry(() => 1000);
    for (let i = 0; i < 18; i++) registry.put(scan(`s${i}`, 900 + i));
    expect(registry.size).toBe(16);
    expect(registry.get('s0')).toBeUndefined();
    expect(registry.get('s1')).toBeUndefined();
    expect(registry.get('s2')).toBeDefined();
  });

  it('expires 30 minutes after completed_at; a TTL below 60 s is raised to 60 s', () => {
    let now = 0;
    const registry = new ScanRegistry(() => now);
    registry.put(scan('a', 0));
    now = 1799;
    expect(registry.get('a')).toBeDefined();
    now = 1800;
    expect(registry.get('a')).toBeUndefined();
    const short = new ScanRegistry(() => now, 5);
    expect(short.expiresAt(100)).toBe(160);
  });
});
