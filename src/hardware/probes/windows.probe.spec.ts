import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DEFAULT_HARDWARE_OPTIONS } from '../hardware.options.js';
import { cpuTimes, FakeHardwareHost, type FakeMachine } from '../host/fake-hardware-host.fixture.js';
import { WindowsProbe } from './windows.probe.js';
import { CPU_SCRIPT, DISKS_SCRIPT, MEMORY_SCRIPT, powershellArgv } from './windows.scripts.js';

const FIXTURES = new URL('../../../test/fixtures/hardware/windows/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const GIB = 1024 ** 3;
const window = { start: { atMs: 0, cpu: [cpuTimes(0, 0)] }, end: { atMs: 1000, cpu: [cpuTimes(100, 900)] } };

const windows = (answers: Partial<Record<'cpu' | 'memory' | 'disks', string>>): FakeMachine => ({
  platform: 'win32',
  memory: { totalBytes: 32 * GIB, availableBytes: 20 * GIB },
  commands: {
    ...(answers.cpu && { [powershellArgv(CPU_SCRIPT).join(' ')]: { stdout: answers.cpu } }),
    ...(answers.memory && { [powershellArgv(MEMORY_SCRIPT).join(' ')]: { stdout: answers.memory } }),
    ...(answers.disks && { [powershellArgv(DISKS_SCRIPT).join(' ')]: { stdout: answers.disks } }),
  },
});

describe('WindowsProbe', () => {
  it('runs PowerShell as an argument list: no profile, no prompts, the script base64-encoded (no quoting to go wrong)', () => {
    const argv = powershellArgv(DISKS_SCRIPT);
    expect(argv.slice(0, 6)).toEqual(['powershell.exe', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
    expect(Buffer.from(argv[6], 'base64').toString('utf16le')).toBe(DISKS_SCRIPT);
    expect(DISKS_SCRIPT).toContain('Get-PhysicalDisk');
    expect(DISKS_SCRIPT).toContain('Get-StorageReliabilityCounter');
    expect(DISKS_SCRIPT).not.toContain('wmic');
  });

  it('uses the earlier engine timeouts per component (10, 15, 20 s) and the output cap', async () => {
    const host = new FakeHardwareHost(windows({}));
    const probe = new WindowsProbe(host, DEFAULT_HARDWARE_OPTIONS);
    await Promise.all([probe.cpu(window), probe.memory(window), probe.disks()]);
    expect(host.runs.map((run) => run.limits)).toEqual([
      { timeoutMs: 10_000, maxOutputBytes: 1024 * 1024 },
      { timeoutMs: 15_000, maxOutputBytes: 1024 * 1024 },
      { timeoutMs: 20_000, maxOutputBytes: 1024 * 1024 },
    ]);
  });

  it('CPU: load from the window, clocks, cores and the thermal zone', async () => {
    const report = await new WindowsProbe(new FakeHardwareHost(windows({ cpu: fixture('cpu.json') })), DEFAULT_HARDWARE_OPTIONS).cpu(window);
    expect(report.status).toBe('healthy');
    expect(report.metrics).toMatchObject({
      load_avg_pct: 10.0,
      cores_logical: 1,
      cores_physical: 6,
      freq_current_mhz: 2592,
      freq_max_mhz: 2592,
      freq_ratio: 1,
      max_temp_c: 55.1,
      sensors: [],
    });
  });

  it('CPU without PowerShell: still graded on load, temperature null', async () => {
    const report = await new WindowsProbe(new FakeHardwareHost(windows({})), DEFAULT_HARDWARE_OPTIONS).cpu(window);
    expect(report.status).toBe('healthy');
    expect(report.metrics).toMatchObject({ max_temp_c: null, freq_current_mhz: null, cores_physical: 0 });
  });

  it('memory: figures from the OS, modules and page files from CIM, swap rates null (Windows has no counters)', async () => {
    const report = await new WindowsProbe(new FakeHardwareHost(windows({ memory: fixture('memory.json') })), DEFAULT_HARDWARE_OPTIONS).memory(window);
    expect(report.metrics).toMatchObject({
      total_bytes: 32 * GIB,
      used_bytes: 12 * GIB,
      available_bytes: 20 * GIB,
      percent: 37.5,
      swap_total_bytes: 4864 * 1024 ** 2,
      swap_percent: 26.9,
      swap_in_bps: null,
      swap_out_bps: null,
    });
    expect(report.status).toBe('warning');
    expect(report.items).toHaveLength(2);
  });

  it('disks: physical disks and volumes graded; the worst wins', async () => {
    const report = await new WindowsProbe(new FakeHardwareHost(windows({ disks: fixture('disks.json') })), DEFAULT_HARDWARE_OPTIONS).disks();
    expect(report.status).toBe('critical');
    expect(report.metrics).toEqual({ physical_count: 2, volume_count: 2 });
    expect(report.issues).toEqual([
      'ST2000DM008-2FR102: HealthStatus reports Warning',
      'ST2000DM008-2FR102: Operational status: Predictive Failure',
      'ST2000DM008-2FR102: 12 uncorrected read errors',
      'D:\\: Only 4% free',
    ]);
  });

  it('disks without PowerShell: unknown, saying the query failed', async () => {
    const report = await new WindowsProbe(new FakeHardwareHost(windows({})), DEFAULT_HARDWARE_OPTIONS).disks();
    expect(report).toMatchObject({ status: 'unknown', issues: ['Get-PhysicalDisk query failed: powershell.exe not found'], items: [] });
  });
});
