import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { DEFAULT_HARDWARE_OPTIONS } from '../hardware.options.js';
import { cpuTimes, FakeHardwareHost, type FakeMachine } from '../host/fake-hardware-host.fixture.js';
import { DarwinProbe } from './darwin.probe.js';

const FIXTURES = new URL('../../../test/fixtures/hardware/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const GB = 1e9;
const window = { start: { atMs: 0, cpu: [cpuTimes(0, 0)] }, end: { atMs: 1000, cpu: [cpuTimes(250, 750)] } };

const mac = (overrides: Partial<FakeMachine> = {}): FakeMachine => ({
  platform: 'darwin',
  commands: {
    'sysctl hw.physicalcpu hw.cpufrequency hw.cpufrequency_max': { stdout: fixture('darwin/sysctl-cpu.txt') },
    'sysctl hw.memsize vm.swapusage': { stdout: fixture('darwin/sysctl-memory.txt') },
    vm_stat: { stdout: fixture('darwin/vm_stat.txt') },
    mount: { stdout: fixture('darwin/mount.txt') },
    '/opt/homebrew/sbin/smartctl --scan-open --json': { stdout: JSON.stringify({ devices: [{ name: '/dev/disk0', type: 'nvme' }] }) },
    '/opt/homebrew/sbin/smartctl -a --json -d nvme /dev/disk0': { stdout: fixture('smartctl-nvme.json') },
  },
  tools: { smartctl: '/opt/homebrew/sbin/smartctl' },
  usage: {
    '/System/Volumes/Data': { totalBytes: 494 * GB, freeBytes: 120 * GB, availableBytes: 120 * GB },
    '/Volumes/Time Machine': { totalBytes: 2000 * GB, freeBytes: 500 * GB, availableBytes: 500 * GB },
  },
  ...overrides,
});

describe('DarwinProbe', () => {
  it('CPU: sysctl clocks and cores; no temperature without root', async () => {
    const report = await new DarwinProbe(new FakeHardwareHost(mac()), DEFAULT_HARDWARE_OPTIONS).cpu(window);
    expect(report.metrics).toMatchObject({
      load_avg_pct: 25.0,
      cores_physical: 4,
      freq_current_mhz: 2300,
      freq_max_mhz: 2300,
      freq_ratio: 1,
      max_temp_c: null,
      sensors: [],
    });
  });

  it('CPU on Apple silicon (no hw.cpufrequency): clocks null', async () => {
    const commands = {
      ...mac().commands,
      'sysctl hw.physicalcpu hw.cpufrequency hw.cpufrequency_max': { stdout: fixture('darwin/sysctl-cpu-apple-silicon.txt'), exitCode: 1 },
    };
    const report = await new DarwinProbe(new FakeHardwareHost(mac({ commands })), DEFAULT_HARDWARE_OPTIONS).cpu(window);
    expect(report.metrics).toMatchObject({ cores_physical: 8, freq_current_mhz: null, freq_max_mhz: null });
  });

  it('memory: hw.memsize, vm_stat pages and vm.swapusage; swap rates from vm_stat counters over the window', async () => {
    const host = new FakeHardwareHost(mac());
    const probe = new DarwinProbe(host, DEFAULT_HARDWARE_OPTIONS);
    const start = await probe.counters();
    const end = { ...start, atMs: start.atMs + 1000, swap: { inBytes: start.swap!.inBytes + 16384, outBytes: start.swap!.outBytes } };
    const report = await probe.memory({ start, end });
    expect(report.metrics).toMatchObject({
      total_bytes: 17179869184,
      used_bytes: (339021 + 130458) * 16384,
      available_bytes: (12718 + 333179) * 16384,
      percent: 67.0,
      swap_total_bytes: 2048 * 1024 ** 2,
      swap_percent: 53.8,
      swap_in_bps: 16384.0,
      swap_out_bps: 0,
    });
    expect(report.status).toBe('warning');
  });

  it('memory without vm_stat: unknown rather than a made-up 100 %', async () => {
    const commands = { ...mac().commands, vm_stat: { stdout: '', failure: 'vm_stat not found' } };
    const report = await new DarwinProbe(new FakeHardwareHost(mac({ commands })), DEFAULT_HARDWARE_OPTIONS).memory({ start: window.start, end: window.end });
    expect(report).toMatchObject({ status: 'unknown', issues: ['vm_stat gave no page counts'] });
  });

  it('disks: smartctl from Homebrew, and only the volumes that can fill up (not the sealed system or its helpers)', async () => {
    const report = await new DarwinProbe(new FakeHardwareHost(mac()), DEFAULT_HARDWARE_OPTIONS).disks();
    expect(report.items.map((item) => item.device_id ?? item.mountpoint)).toEqual(['/dev/disk0', '/System/Volumes/Data', '/Volumes/Time Machine']);
    expect(report.status).toBe('healthy');
  });

  it('disks without smartctl: volumes graded, the component unknown with a readable issue', async () => {
    const report = await new DarwinProbe(new FakeHardwareHost(mac({ tools: {} })), DEFAULT_HARDWARE_OPTIONS).disks();
    expect(report.status).toBe('unknown');
    expect(report.issues[0]).toBe('SMART not checked: smartctl not found (install smartmontools)');
    expect(report.metrics).toEqual({ physical_count: 0, volume_count: 2 });
  });
});
