import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageHealth } from './storage-health.js';

const enotdir = (path: string) => Object.assign(new Error(`ENOTDIR: not a directory, open '${path}'`), { code: 'ENOTDIR' });

describe('StorageHealth', () => {
  it('is writable until a write fails, and again after that target succeeds', () => {
    const health = new StorageHealth();
    expect([health.writable, health.lastErrorMessage]).toEqual([true, null]);
    health.recordFailure('write /d/state/runtime.json', enotdir('/d/state/.runtime.json.1.0.tmp'), '/d/state');
    expect(health.writable).toBe(false);
    expect(health.lastErrorMessage).toBe("write /d/state/runtime.json: ENOTDIR: not a directory, open '/d/state/.runtime.json.1.0.tmp'");
    health.recordSuccess('/d/state');
    expect([health.writable, health.lastErrorMessage]).toEqual([true, null]);
  });

  it('a success elsewhere does not clear a target that still fails', () => {
    const health = new StorageHealth();
    health.recordFailure('append history sample', enotdir('/d/history/samples-2026-11-27.jsonl'));
    health.recordSuccess('/d/state');
    expect(health.writable).toBe(false);
    expect(health.lastErrorMessage).toContain('append history sample: ENOTDIR');
    health.recordSuccess();
    expect(health.writable).toBe(true);
  });

  it('reports the newest of several unresolved failures, then the older one once the newest recovers', () => {
    const health = new StorageHealth();
    health.recordFailure('append history sample', new Error('ENOSPC: no space left on device'));
    health.recordFailure('write /d/state/runtime.json', new Error('EIO: i/o error'), '/d/state');
    expect(health.lastErrorMessage).toBe('write /d/state/runtime.json: EIO: i/o error');
    health.recordSuccess('/d/state');
    expect(health.lastErrorMessage).toBe('append history sample: ENOSPC: no space left on device');
    expect(health.writable).toBe(false);
  });

  it('re-probes a failed folder: true as soon as it takes writes again, and the probe leaves no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-health-'));
    try {
      const health = new StorageHealth();
      health.recordFailure(`write ${dir}/user_preferences.json`, enotdir(dir), dir);
      health.recordFailure('append history sample', enotdir('/d/history'));
      await health.recheck();
      // The folder is writable: its failure goes; the writer target (not a folder) waits for its own write.
      expect(health.lastErrorMessage).toContain('append history sample');
      expect(readdirSync(dir)).toEqual([]);
      health.recordSuccess();
      expect(health.writable).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a folder failure a probe cleared once and that came back is left to its own writer (no flapping)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-health-'));
    try {
      const health = new StorageHealth();
      health.recordFailure('write runtime.json', enotdir(dir), dir);
      await health.recheck();
      expect(health.writable).toBe(true);
      health.recordFailure('write runtime.json', enotdir(dir), dir);
      await health.recheck();
      expect(health.writable).toBe(false);
      health.recordSuccess(dir);
      expect(health.writable).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
