import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EngineEvents } from '../src/engine/engine-events.js';
import type { SampleRequest } from '../src/telemetry/telemetry-source.js';
import { createEngineHarness, type EngineHarness } from './helpers/engine-app.js';

// Which cycles ask the source for processes (SPEC §5: at most every N cycles, N = 5 here),
// at a 2 s interval with a history sample due every 30 s (every 15 cycles).
describe('process list refresh', () => {
  let dataDir: string;
  let harness: EngineHarness;
  let scanned: number[];
  let cpuPercent: number;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sc-refresh-'));
    scanned = [];
    cpuPercent = 10;
    const script = (cycle: number, sampleRequest: SampleRequest) => {
      if (sampleRequest.withProcesses) scanned.push(cycle);
      return { cpu: { percent: cpuPercent } };
    };
    harness = await createEngineHarness(dataDir, script, { sampling: { enabled: false, processRefreshCycles: 5 } });
  });

  afterEach(async () => {
    await harness.app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('on a calm machine nobody watches, scans only for the history samples', async () => {
    await harness.cycles(46);
    expect(scanned).toEqual([0, 15, 30, 45]);
  });

  it('scans every 5 cycles for a minute after a client reads /status or /processes', async () => {
    await harness.cycles(2);
    await request(harness.app.getHttpServer()).get('/api/v1/status').expect(200);
    await harness.cycles(40); // cycles 2–41; the read's minute covers cycles 2–30
    expect(scanned).toEqual([0, 5, 10, 15, 20, 25, 30]);
    scanned = [];
    await request(harness.app.getHttpServer()).get('/api/v1/processes').expect(200);
    await harness.cycles(5);
    expect(scanned).toEqual([42]);
  });

  it('scans every 5 cycles while a live stream reads the status, and on the history cadence once it stops', async () => {
    const events = harness.app.get(EngineEvents);
    const subscription = events.cycles.subscribe((event) => event.status); // what /ws/live and SSE do per cycle
    await harness.cycles(21);
    subscription.unsubscribe();
    await harness.cycles(40); // cycles 21–60; the last read (cycle 20) keeps the list fresh through cycle 49
    expect(scanned).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 60]);
  });

  it('scans every 5 cycles while a pressure is over its alert threshold, so an alert names a current suspect', async () => {
    await harness.cycles(3);
    cpuPercent = 99;
    await harness.cycles(20); // cycles 3–22; the smoothed cpu crosses 85 % after a few cycles
    expect(scanned[0]).toBe(0);
    const underPressure = scanned.slice(1);
    expect(underPressure.length).toBeGreaterThanOrEqual(3);
    expect(underPressure.every((cycle, i) => i === 0 || cycle - underPressure[i - 1] === 5)).toBe(true);
    expect((await request(harness.app.getHttpServer()).get('/api/v1/alerts').expect(200)).body.alerts).toHaveLength(1);
  });
});
