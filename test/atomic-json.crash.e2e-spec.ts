import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicJson } from '../src/storage/atomic-json.js';
import { nodeFs } from '../src/storage/fs.port.js';
import { StorageHealth } from '../src/storage/storage-health.js';
import { DIST, plainEnv, requireDist, run, waitFor } from './helpers/child-process.js';

const KILLS = 32;
const REWRITER = join('test', 'helpers', 'atomic-rewriter.mjs');

// About 1 MB of pretty-printed JSON; the two versions differ in every record.
function content(tag: string) {
  const samples = Array.from({ length: 11_000 }, (_, i) => ({ at: 1714521600 + i * 30, cpu_percent: ((i * 7919) % 10000) / 100, name: `proc-${tag}-${i}` }));
  return JSON.stringify({ version: tag, samples }, null, 2) + '\n';
}

describe('AtomicJson under SIGKILL (SPEC §2: the old file or the new one, never half)', () => {
  let dir: string;
  let target: string;
  const texts = { A: content('A'), B: content('B') };

  beforeAll(() => {
    requireDist('storage/atomic-json.js');
    dir = mkdtempSync(join(tmpdir(), 'sentracore-crash-'));
    target = join(dir, 'baseline.json');
    writeFileSync(join(dir, 'A.src'), texts.A);
    writeFileSync(join(dir, 'B.src'), texts.B);
    writeFileSync(target, texts.A);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`leaves a complete old or new file after each of ${KILLS} kills at random moments`, async () => {
    expect(texts.A.length).toBeGreaterThan(900_000);
    const seen = { A: 0, B: 0 };
    let killedMidWrite = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const rewriter = run([REWRITER, DIST, target, join(dir, 'A.src'), join(dir, 'B.src')], plainEnv());
      await waitFor('the rewriter to finish its first write', () => (rewriter.stdout().includes('wrote') ? true : undefined));
      // Each write takes some tens of ms: a random delay lands anywhere inside the loop.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 120));
      rewriter.child.kill('SIGKILL');
      expect(await rewriter.exited).toBe('SIGKILL');

      const text = readFileSync(target, 'utf8');
      const parsed = JSON.parse(text) as { version: string };
      expect(['A', 'B']).toContain(parsed.version);
      expect(text).toBe(texts[parsed.version as 'A' | 'B']);
      seen[parsed.version as 'A' | 'B']++;
      if (readdirSync(dir).some((name) => name.includes(`.${rewriter.child.pid}.`))) killedMidWrite++;
    }
    process.stdout.write(`crash test: ${KILLS} kills, ${killedMidWrite} mid-write, final A=${seen.A} B=${seen.B}\n`);
    // Both versions observed: the writes really were happening between kills.
    expect(seen.A).toBeGreaterThan(0);
    expect(seen.B).toBeGreaterThan(0);

    // What the engine does at start: sweep temp files a crash left behind.
    await new AtomicJson(nodeFs, new StorageHealth()).sweepTempFiles(dir);
    expect(readdirSync(dir).sort()).toEqual(['A.src', 'B.src', 'baseline.json']);
  }, 180_000);
});
