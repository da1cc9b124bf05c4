import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcTelemetrySource, SCAN_BUDGET_MS } from './proc.source.js';

const statFile = (user: number, idle: number): string =>
  `cpu  ${user * 2} 0 0 ${idle * 2} 0 0 0 0 0 0\ncpu0 ${user} 0 0 ${idle} 0 0 0 0 0 0\ncpu1 ${user} 0 0 ${idle} 0 0 0 0 0 0\nbtime 1700000000\n`;
const MEMINFO = 'MemTotal: 1000 kB\nMemFree: 500 kB\nMemAvailable: 750 kB\nBuffers: 0 kB\nCached: 100 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n';
const DISKSTATS = ' 8 0 sda 10 0 20 0 30 0 40 0 0 0 0\n 8 1 sda1 10 0 20 0 30 0 40 0 0 0 0\n';
const pidStat = (utime: number): string => `7 (worker) R 1 7 7 0 -1 0 0 0 0 0 ${utime} 0 0 0 20 0 1 0 100 0 10 0\n`;

describe('ProcTelemetrySource', () => {
  let root: string;
  const files = (name: string, text: string): Promise<void> => writeFile(join(root, name), text);

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sentracore-procsrc-'));
    await mkdir(join(root, '7'));
    await Promise.all([
      files('stat', statFile(100, 900)),
      files('meminfo', MEMINFO),
      files('diskstats', DISKSTATS),
      files('uptime', '1000.00 0\n'),
      files('7/stat', pidStat(0)),
    ]);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const source = (): ProcTelemetrySource => new ProcTelemetrySource({ procRoot: root, sysBlockDir: join(root, 'no-sys') });

  it('reads cpu since boot first, then the delta since the previous sample', async () => {
    const telemetry = source();
    const first = await telemetry.sample({ timestamp: 1, withProcesses: false });
    expect(first.cpu).toEqual({ percent: 10, per_core: [10, 10], logical_count: 2 });
    await files('stat', statFile(150, 950)); // +50 busy, +50 idle per core
    const second = await telemetry.sample({ timestamp: 3, withProcesses: false });
    expect(second).toMatchObject({ timestamp: 3, cpu: { percent: 50, per_core: [50, 50] } });
    expect(second.memory).toEqual({ total: 1024_000, used: 409_600, available: 768_000, percent: 25 });
    expect(second.swap).toEqual({ total: 0, used: 0, percent: 0 });
    // sda only: its partition sda1 is already inside it.
    expect(second.disk_io).toEqual({ read_count: 10, read_bytes: 20 * 512, write_count: 30, write_bytes: 40 * 512 });
  });

  it('scans processes only when asked, reusing the previous list otherwise', async () => {
    const telemetry = source();
    expect((await telemetry.sample({ timestamp: 1, withProcesses: false })).processes).toEqual([]);
    expect(telemetry.runningPids()).toBeUndefined();
    const scanned = (await telemetry.sample({ timestamp: 3, withProcesses: true })).processes;
    expect(scanned.map((p) => p.name)).toEqual(['worker']);
    expect([...telemetry.runningPids()!]).toEqual([7]);
    await rm(join(root, '7'), { recursive: true }); // would vanish from a new scan
    expect((await telemetry.sample({ timestamp: 5, withProcesses: false })).processes).toEqual(scanned);
    expect([...telemetry.runningPids()!]).toEqual([7]); // still the scan the list comes from
    expect((await telemetry.sample({ timestamp: 7, withProcesses: true })).processes).toEqual([]);
    expect([...telemetry.runningPids()!]).toEqual([]);
  });

  it('keeps the cycle on schedule: past SCAN_BUDGET_MS it takes the previous list, and the late scan lands later', async () => {
    const telemetry = source();
    const first = (await telemetry.sample({ timestamp: 1, withProcesses: true })).processes;
    expect(first.map((p) => p.pid)).toEqual([7]);
    // A scan slowed down the way a saturated event loop slows its hundreds of reads.
    const late = [{ ...first[0], pid: 8, name: 'late' }];
    const scanner = (telemetry as unknown as { scanner: { scan: () => Promise<unknown> } }).scanner;
    scanner.scan = () => new Promise((resolve) => setTimeout(() => resolve({ top: late, running: new Set([8]) }), SCAN_BUDGET_MS + 300));
    const started = performance.now();
    const onTime = await telemetry.sample({ timestamp: 3, withProcesses: true });
    expect(performance.now() - started).toBeLessThan(SCAN_BUDGET_MS + 200);
    expect(onTime.processes).toEqual(first);
    expect([...telemetry.runningPids()!]).toEqual([7]); // the running pids go with the list
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await telemetry.sample({ timestamp: 5, withProcesses: false })).processes).toEqual(late);
    expect([...telemetry.runningPids()!]).toEqual([8]);
  });

  it('reopens its files after close()', async () => {
    const telemetry = source();
    await telemetry.sample({ timestamp: 1, withProcesses: true });
    telemetry.close();
    const again = await telemetry.sample({ timestamp: 3, withProcesses: true });
    expect(again.memory.total).toBe(1024_000);
    expect(again.processes.map((p) => p.pid)).toEqual([7]);
  });

  it('gives zeros, not an error, when a /proc file is missing', async () => {
    await Promise.all(['stat', 'meminfo', 'diskstats', 'uptime'].map((name) => rm(join(root, name))));
    const snapshot = await source().sample({ timestamp: 1, withProcesses: true });
    expect(snapshot.cpu).toEqual({ percent: 0, per_core: [], logical_count: 0 });
    expect(snapshot.memory).toEqual({ total: 0, used: 0, available: 0, percent: 0 });
    expect(snapshot.disk_io).toEqual({ read_bytes: 0, write_bytes: 0, read_count: 0, write_count: 0 });
    expect(snapshot.processes).toHaveLength(1);
    expect(snapshot.processes[0]).toMatchObject({ pid: 7, memory_percent: 0, create_time: 1 });
  });
});
