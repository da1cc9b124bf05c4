import { describe, expect, it } from '@jest/globals';
import { demoScript, SCRIPTED_DEFAULTS, ScriptedTelemetrySource, type ScriptedStep } from './scripted.source.js';
import type { SampleRequest } from './telemetry-source.js';

const GIB = 1024 ** 3;
const at = (timestamp: number, withProcesses = true): SampleRequest => ({ timestamp, withProcesses });

describe('ScriptedTelemetrySource', () => {
  it('fills sane defaults around an empty script', async () => {
    const snapshot = await new ScriptedTelemetrySource().sample(at(100));
    expect(snapshot).toEqual({
      timestamp: 100,
      cpu: { percent: 10, per_core: [10, 10, 10, 10], logical_count: 4 },
      memory: { total: 16 * GIB, used: Math.round(6.4 * GIB), available: 16 * GIB - Math.round(6.4 * GIB), percent: 40 },
      swap: { total: 4 * GIB, used: 0, percent: 0 },
      disk_io: SCRIPTED_DEFAULTS.diskPerCycle,
      processes: SCRIPTED_DEFAULTS.processes,
    });
  });

  it('plays a list of steps in order and holds the last one', async () => {
    const source = new ScriptedTelemetrySource([{ cpu: { percent: 20 } }, { cpu: { percent: 90.04 }, memory: { used: 12 * GIB } }]);
    const percents = [];
    for (let cycle = 0; cycle < 4; cycle++) percents.push((await source.sample(at(cycle))).cpu.percent);
    expect(percents).toEqual([20, 90, 90, 90]);
    expect((await source.sample(at(9))).memory).toEqual({ total: 16 * GIB, used: 12 * GIB, available: 4 * GIB, percent: 75 });
    expect(source.cycles).toBe(5);
  });

  it('derives memory from whichever of percent, used or available is given', async () => {
    const memoryOf = async (memory: ScriptedStep['memory']) => (await new ScriptedTelemetrySource([{ memory }]).sample(at(0))).memory;
    expect(await memoryOf({ total: 1000, percent: 25 })).toEqual({ total: 1000, used: 250, available: 750, percent: 25 });
    expect(await memoryOf({ total: 1000, available: 100 })).toEqual({ total: 1000, used: 900, available: 100, percent: 90 });
    expect(await memoryOf({ total: 1000, used: 333 })).toEqual({ total: 1000, used: 333, available: 667, percent: 33.3 });
  });

  it('calls a script function with the cycle index and the request', async () => {
    const calls: Array<[number, SampleRequest]> = [];
    const source = new ScriptedTelemetrySource((cycle, request) => {
      calls.push([cycle, request]);
      return { cpu: { percent: cycle * 10, logical_count: 2 }, swap: { total: 1000, used: 125 } };
    });
    await source.sample(at(1));
    const snapshot = await source.sample(at(3, false));
    expect(calls).toEqual([
      [0, at(1)],
      [1, at(3, false)],
    ]);
    expect(snapshot.cpu).toEqual({ percent: 10, per_core: [10, 10], logical_count: 2 });
    expect(snapshot.swap).toEqual({ total: 1000, used: 125, percent: 12.5 });
  });

  it('accumulates disk counters from per-cycle increments, or takes them as set', async () => {
    const source = new ScriptedTelemetrySource([
      { disk_per_cycle: { read_bytes: 100, write_bytes: 10, read_count: 1, write_count: 2 } },
      { disk_per_cycle: { read_bytes: 100, write_bytes: 10, read_count: 1, write_count: 2 } },
      { disk_io: { read_bytes: 5000 }, disk_per_cycle: { read_bytes: 100, write_bytes: 10, read_count: 1, write_count: 2 } },
      { disk_per_cycle: { read_bytes: 100, write_bytes: 10, read_count: 1, write_count: 2 } },
    ]);
    const counters = [];
    for (let cycle = 0; cycle < 4; cycle++) counters.push((await source.sample(at(cycle))).disk_io);
    expect(counters.map((c) => c.read_bytes)).toEqual([100, 200, 5000, 5100]);
    expect(counters.map((c) => c.write_count)).toEqual([2, 4, 6, 8]);
  });

  it('changes the process list only on cycles that ask for processes', async () => {
    const one = { pid: 1, name: 'one', cpu_percent: 1, memory_percent: 1, memory_rss: 1, status: 'running', create_time: 1 };
    const two = { ...one, pid: 2, name: 'two' };
    const source = new ScriptedTelemetrySource([{ processes: [one] }, { processes: [two] }, { processes: [two] }]);
    const names = [];
    for (const withProcesses of [true, false, true]) {
      names.push((await source.sample(at(0, withProcesses))).processes.map((p) => p.name));
    }
    expect(names).toEqual([['one'], ['one'], ['two']]);
  });
});

describe('demoScript', () => {
  it('breathes gently: cpu 20–45 %, memory 41–49 %, disk well under the spike threshold', async () => {
    const source = new ScriptedTelemetrySource(demoScript);
    let previous = await source.sample(at(0));
    const cpu: number[] = [];
    for (let cycle = 1; cycle <= 900; cycle++) {
      const snapshot = await source.sample(at(cycle * 2, cycle % 5 === 0));
      cpu.push(snapshot.cpu.percent);
      expect(snapshot.memory.percent).toBeGreaterThanOrEqual(41);
      expect(snapshot.memory.percent).toBeLessThanOrEqual(49);
      const opsPerSec = (snapshot.disk_io.read_count + snapshot.disk_io.write_count - previous.disk_io.read_count - previous.disk_io.write_count) / 2;
      expect(opsPerSec).toBeLessThan(400);
      expect(snapshot.cpu.per_core).toHaveLength(4);
      previous = snapshot;
    }
    expect(Math.min(...cpu)).toBeGreaterThanOrEqual(20);
    expect(Math.max(...cpu)).toBeLessThanOrEqual(45);
    expect(Math.max(...cpu) - Math.min(...cpu)).toBeGreaterThan(20);
  });
});
