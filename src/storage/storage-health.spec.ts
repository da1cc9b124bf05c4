import { describe, expect, it } from '@jest/globals';
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
});
