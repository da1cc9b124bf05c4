import { describe, expect, it, jest } from '@jest/globals';
import { SystemInformationTelemetrySource, type OsPort, type SystemInformationPort } from './systeminformation.source.js';

const GIB = 1024 ** 3;

function fakes(): { si: SystemInformationPort; os: OsPort & { times: { user: number; idle: number } } } {
  const os = {
    times: { user: 100, idle: 900 },
    cpus() {
      const { user, idle } = this.times;
      return [0, 1].map(() => ({ times: { user, nice: 0, sys: 0, idle, irq: 0 } }));
    },
    totalmem: () => 8 * GIB,
    freemem: () => 6 * GIB,
  };
  const si: SystemInformationPort = {
    mem: jest.fn(async () => ({ total: 16 * GIB, available: 4 * GIB, swaptotal: 2 * GIB, swapused: GIB / 2 })),
    disksIO: jest.fn(async () => ({ rIO: 10, wIO: 20 })),
    fsStats: jest.fn(async () => ({ rx: 1000, wx: 2000 })),
    processes: jest.fn(async () => ({
      list: [
        { pid: 1, name: 'calm', cpu: 0.5, mem: 1.234, memRss: 1000, state: 'sleeping', started: '2026-01-01 00:00:00' },
        { pid: 2, name: 'busy', cpu: 42.126, mem: 3, memRss: 2000, state: 'unknown', started: '/Date(1767225600000)/' },
      ],
    })),
  };
  return { si, os };
}

describe('SystemInformationTelemetrySource', () => {
  it('takes cpu from os.cpus() deltas and the rest from systeminformation (macOS mode)', async () => {
    const { si, os } = fakes();
    const source = new SystemInformationTelemetrySource(si, os, { memoryFromOs: false, processCpuPerCore: true });
    const first = await source.sample({ timestamp: 1, withProcesses: true });
    expect(first.cpu).toEqual({ percent: 10, per_core: [10, 10], logical_count: 2 });
    expect(first.memory).toEqual({ total: 16 * GIB, used: 12 * GIB, available: 4 * GIB, percent: 75 });
    expect(first.swap).toEqual({ total: 2 * GIB, used: GIB / 2, percent: 25 });
    expect(first.disk_io).toEqual({ read_bytes: 1000, write_bytes: 2000, read_count: 10, write_count: 20 });
    // ps pcpu is per core on macOS: 42.126 % of one of the 2 cores is 21.06 % of the machine
    expect(first.processes).toEqual([
      { pid: 2, name: 'busy', cpu_percent: 21.06, memory_percent: 3, memory_rss: 2000 * 1024, status: 'running', create_time: 1767225600 },
      { pid: 1, name: 'calm', cpu_percent: 0.25, memory_percent: 1.23, memory_rss: 1000 * 1024, status: 'sleeping', create_time: 1767225600 },
    ]);
    expect([...source.runningPids()!]).toEqual([1, 2]);

    os.times = { user: 200, idle: 1000 };
    const second = await source.sample({ timestamp: 3, withProcesses: false });
    expect(second.cpu.percent).toBe(50);
    expect(second.processes).toBe(first.processes);
    expect(si.processes).toHaveBeenCalledTimes(1);
  });

  it('on Windows takes the process cpu as the machine share systeminformation already gives', async () => {
    const { si, os } = fakes();
    const source = new SystemInformationTelemetrySource(si, os, { memoryFromOs: true, processCpuPerCore: false });
    const snapshot = await source.sample({ timestamp: 1, withProcesses: true });
    expect(snapshot.processes.map((p) => [p.pid, p.cpu_percent])).toEqual([
      [2, 42.13],
      [1, 0.5],
    ]);
  });

  it('on Windows reads memory from os each cycle and asks si.mem() (PowerShell) only on refresh cycles', async () => {
    const { si, os } = fakes();
    const source = new SystemInformationTelemetrySource(si, os, { memoryFromOs: true, processCpuPerCore: false });
    await source.sample({ timestamp: 1, withProcesses: true });
    const quiet = await source.sample({ timestamp: 3, withProcesses: false });
    expect(quiet.memory).toEqual({ total: 8 * GIB, used: 2 * GIB, available: 6 * GIB, percent: 25 });
    expect(quiet.swap.percent).toBe(25);
    expect(si.mem).toHaveBeenCalledTimes(1);
  });

  it('keeps going with zeros when systeminformation has nothing (Windows disk counters) or fails', async () => {
    const { si, os } = fakes();
    si.disksIO = async () => null;
    si.fsStats = async () => null;
    si.mem = async () => {
      throw new Error('powershell missing');
    };
    si.processes = async () => {
      throw new Error('wmi timeout');
    };
    const source = new SystemInformationTelemetrySource(si, os, { memoryFromOs: true, processCpuPerCore: false });
    const snapshot = await source.sample({ timestamp: 1, withProcesses: true });
    expect(snapshot.disk_io).toEqual({ read_bytes: 0, write_bytes: 0, read_count: 0, write_count: 0 });
    expect(snapshot.swap).toEqual({ total: 0, used: 0, percent: 0 });
    expect(snapshot.memory.total).toBe(8 * GIB);
    expect(snapshot.processes).toEqual([]);
    expect(source.runningPids()).toBeUndefined();
  });
});
