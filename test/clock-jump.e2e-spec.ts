import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { HistoryStore } from '../src/history/history.store.js';
import { encodeSample } from '../src/history/write/history-line.codec.js';
import { createEngineHarness, type EngineHarness } from './helpers/engine-app.js';

// Issue 21 items 2 and 3: the wall clock is not trusted to destroy data. The injected ManualClock moves
// the wall clock alone (jumpWall) or both clocks (advance), as a jump and as time passing.

type Json = Record<string, any>;
const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 10, 27, 9, 0, 0);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const HOT = [{ cpu: { percent: 99 }, memory: { percent: 40 } }];

describe('wall-clock jumps', () => {
  let dataDir: string;
  let harness: EngineHarness | undefined;
  const http = () => request(harness!.app.getHttpServer());
  const historyFiles = () => readdirSync(join(dataDir, 'history')).sort();
  const events = async (): Promise<Json[]> => (await http().get('/api/v1/events').expect(200)).body.events as Json[];
  const storageInfo = async (): Promise<Json> => (await http().get('/api/v1/storage/info').expect(200)).body as Json;
  const alertState = async (): Promise<Json> => (await http().get('/api/v1/status').expect(200)).body.alert as Json;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sentracore-clock-'));
  });
  afterEach(async () => {
    await harness?.app.close();
    harness = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('+40 days: no history is deleted, clock_jump is logged, the future file is reported, then pruned once the clock is back and stable', async () => {
    mkdirSync(join(dataDir, 'history'), { recursive: true });
    const realDays = Array.from({ length: 11 }, (_, i) => dayOf(START - (10 - i) * DAY_MS));
    for (const day of realDays) {
      const at = Date.parse(`${day}T08:00:00Z`) / 1000;
      writeFileSync(
        join(dataDir, 'history', `samples-${day}.jsonl`),
        [0, 60, 120]
          .map(
            (s) =>
              encodeSample({
                at: at + s,
                cpu_percent: 10,
                mem_percent: 20,
                disk_pressure_percent: 1,
                stability_score: 90,
                stress_score: 10,
                top_processes: [],
              }) + '\n',
          )
          .join(''),
      );
    }
    const realFiles = realDays.map((d) => `samples-${d}.jsonl`);
    harness = await createEngineHarness(dataDir, [{ cpu: { percent: 20 }, memory: { percent: 40 } }]);
    await harness.cycles(1);
    expect(historyFiles()).toEqual(realFiles);

    harness.clock.jumpWall(40 * DAY_MS);
    await harness.cycles(20);
    const store = harness.app.get(HistoryStore);
    await store.prune(); // also what the day rollover of the first jumped sample ran
    const futureFile = `samples-${dayOf(harness.clock.nowMs())}.jsonl`;
    expect(historyFiles()).toEqual([...realFiles, futureFile]);
    const jump = (await events()).find((e) => e.event_type === 'clock_jump');
    expect(jump).toMatchObject({ severity: 'warning', details: { offset_sec: 40 * 86_400 } });

    harness.clock.jumpWall(-40 * DAY_MS);
    await harness.cycles(1);
    await store.prune();
    expect(historyFiles()).toEqual([...realFiles, futureFile]);
    expect((await events()).filter((e) => e.event_type === 'clock_jump').map((e) => e.details.offset_sec)).toEqual([-40 * 86_400, 40 * 86_400]);
    const info = await storageInfo();
    expect(info.future_history).toMatchObject({ files: [futureFile], retention_held: true });
    expect(info.future_history.total_bytes).toBeGreaterThan(0);
    // A future file is left out of reads (and of the summary), so it cannot slow them.
    expect(info.history.files).not.toContain(futureFile);

    // An hour of stable clock later, the next stored sample runs the held prune.
    harness.clock.advance(61 * 60_000);
    await harness.cycles(16);
    await store.prune(); // queued behind the prune the append started (and finds nothing more)
    expect(historyFiles()).toEqual(realFiles);
    expect((await storageInfo()).future_history).toEqual({ files: [], total_bytes: 0, retention_held: false });
  });

  it('an alert fired while the clock was ahead does not block later alerts once it is back (the cooldown is monotonic)', async () => {
    harness = await createEngineHarness(dataDir, HOT);
    harness.clock.jumpWall(40 * DAY_MS);
    await harness.cycles(5);
    expect((await alertState()).total_fired).toBe(1);
    harness.clock.jumpWall(-40 * DAY_MS);
    await harness.cycles(1);
    const cooling = await alertState();
    expect(cooling.in_cooldown).toBe(true);
    expect(cooling.cooldown_remaining_sec).toBe(58);
    await harness.cycles(30); // 60 s on the monotonic clock
    const after = await alertState();
    expect(after.total_fired).toBe(2);
    expect(after.last_alert.timestamp).toBeLessThan(START / 1000 + 3600);
  });

  it.each([
    ['1e308', 1e308],
    ['a day ahead', START / 1000 + 86_400],
  ])('a restored alert dated %s never blocks new alerts after a restart', async (_name, timestamp) => {
    mkdirSync(join(dataDir, 'state'), { recursive: true });
    const restored = { timestamp, stress_score: 90, level: 'high', top_contributors: [], message: 'restored', root_cause: {} };
    writeFileSync(
      join(dataDir, 'state', 'runtime.json'),
      JSON.stringify({ schema: 1, last_clean_shutdown: true, last_checkpoint_at: START / 1000, alerts_recent: [restored] }),
    );
    harness = await createEngineHarness(dataDir, HOT);
    expect(await alertState()).toMatchObject({ in_cooldown: false, cooldown_remaining_sec: 0 });
    await harness.cycles(5);
    const state = await alertState();
    expect(state.total_fired).toBe(1);
    expect((await http().get('/api/v1/alerts').expect(200)).body.alerts.map((a: Json) => a.message)).toContain('restored');
  });

  it('a restored alert 10 s old still holds what is left of its cooldown (a restart cannot re-alert at once)', async () => {
    mkdirSync(join(dataDir, 'state'), { recursive: true });
    const restored = { timestamp: START / 1000 - 10, stress_score: 90, level: 'high', top_contributors: [], message: 'restored', root_cause: {} };
    writeFileSync(
      join(dataDir, 'state', 'runtime.json'),
      JSON.stringify({ schema: 1, last_clean_shutdown: true, last_checkpoint_at: START / 1000, alerts_recent: [restored] }),
    );
    harness = await createEngineHarness(dataDir, HOT);
    expect(await alertState()).toMatchObject({ in_cooldown: true, cooldown_remaining_sec: 50 });
    await harness.cycles(5);
    expect((await alertState()).total_fired).toBe(0);
    await harness.cycles(20);
    expect((await alertState()).total_fired).toBe(1);
  });
});
