import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageInitializer } from '../src/storage/storage-initializer.js';
import { createEngineHarness, type EngineHarness } from './helpers/engine-app.js';

// docs/lifecycle.md: the stop sequence ends with the lock, so whoever takes the datastore over next
// finds the final checkpoint (and the baseline) already on disk.

describe('the stop sequence on a real datastore', () => {
  let dir: string;
  let harness: EngineHarness | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sentracore-lifecycle-'));
  });
  afterEach(async () => {
    await harness?.app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('releases the lock only after the final checkpoint and the baseline are on disk', async () => {
    harness = await createEngineHarness(dir, [{ cpu: { percent: 40 } }]);
    await harness.cycles(3);
    const state = join(dir, 'state');
    const storage = harness.app.get(StorageInitializer);
    const release = storage.release.bind(storage);
    let seenAtRelease: { lockHeld: boolean; checkpoint: Record<string, unknown>; baseline: boolean } | undefined;
    storage.release = async () => {
      seenAtRelease = {
        lockHeld: existsSync(join(state, 'engine.lock')),
        checkpoint: JSON.parse(readFileSync(join(state, 'runtime.json'), 'utf8')) as Record<string, unknown>,
        baseline: existsSync(join(state, 'baseline.json')),
      };
      await release();
    };

    const { app } = harness;
    harness = undefined;
    await app.close();

    expect(seenAtRelease).toMatchObject({ lockHeld: true, checkpoint: { last_clean_shutdown: true }, baseline: true });
    expect(seenAtRelease?.checkpoint.last_stress).toEqual(expect.objectContaining({ score: expect.any(Number) }));
    expect(existsSync(join(state, 'engine.lock'))).toBe(false);
  });
});
