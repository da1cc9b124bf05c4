import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_HARDWARE_OPTIONS } from '../hardware.options.js';
import { cpuTimes, FakeHardwareHost, type FakeMachine } from '../host/fake-hardware-host.fixture.js';
import { LinuxProbe } from './linux.probe.js';
import type { RateWindow } from './rate-window.js';

const FIXTURES = new URL('../../../test/fixtures/hardware/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const root = (name: string) => fileURLToPath(new URL(name, FIXTURES));
const SMARTCTL = '/usr/sbin/smartctl';
const GB = 1e9;

const window: RateWindow = {
  start: { atMs: 0, cpu: [cpuTimes(100, 900), cpuTimes(100, 900)] },
  end: { atMs: 1000, cpu: [cpuTimes(130, 970), cpuTimes(150, 950)] },
};

function desktop(overrides: Partial<FakeMachine> = {}): FakeMachine {
  return {
    root: root('linux-desktop'),
    tools: { smartctl: SMARTCTL },
    commands: {
      [`${SMARTCTL} --scan-open --json`]: { stdout: fixture('smartctl-scan-open.desktop.json') },
      [`${SMARTCTL} -a --json -d sat /dev/sda`]: { stdout: fixture('smartctl-sata-healthy.json') },
      [`${SMARTCTL} -a --json -d scsi /dev/sdb`]: { stdout: fixture('smartctl-usb-no-smart.json'), exitCode: 1 },
      [`${SMARTCTL} -a --json -d sat /dev/sdc`]: { stdout: fixture('smartctl-sata-failing.json'), exitCode: 216 },
      [`${SMARTCTL} -a --json -d nvme /dev/nvme0`]: { stdout: fixture('smartctl-nvme.json') },
    },
    usage: {
      '/': { totalBytes: 900 * GB, freeBytes: 500 * GB, availableBytes: 455 * GB },
      '/boot/efi': { totalBytes: 0.5 * GB, freeBytes: 0.45 * GB, availableBytes: 0.45 * GB },
      '/home': { totalBytes: 500 * GB, freeBytes: 45 * GB, availableBytes: 20 * GB },
      '/media/user/Backup Disk': { totalBytes: 2000 * GB, freeBytes: 200 * GB, availableBytes: 200 * GB },
    },
    links: {
      '/sys/block/sda': '/sys/devices/pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda',
      '/sys/block/sdb': '/sys/devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host4/target4:0:0/4:0:0:0/block/sdb',
      '/sys/block/sdc': '/sys/devices/pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0/block/sdc',
      '/sys/block/nvme0n1': '/sys/devices/pci0000:00/0000:00:1d.0/0000:03:00.0/nvme/nvme0/nvme0n1',
    },
    ...overrides,
  };
}

describe('LinuxProbe on a fake desktop /sys and /proc (constructed)', () => {
  it('CPU: hwmon temperatures, cpufreq, physical cores from the topology and the throttle counters', async () => {
    const report = await new LinuxProbe(new FakeHardwareHost(desktop()), DEFAULT_HARDWARE_OPTIONS).cpu(window);
    expect(report.status).toBe('warning');
    expect(report.issues).toEqual(['CPU temperature 84°C is elevated']);
    expect(report.metrics).toMatchObject({
      load_avg_pct: 40.0,
      load_max_core_pct: 50.0,
      cores_logical: 2,
      cores_physical: 2,
      freq_current_mhz: 1575.0,
      freq_max_mhz: 4600.0,
      freq_ratio: 0.342,
      max_temp_c: 84.0,
      core_throttle_count: 15,
      package_throttle_count: 40,
    });
    expect(report.metrics.sensors).toEqual([
      { chip: 'coretemp', label: 'Package id 0', current_c: 84, high_c: 100, critical_c: 100 },
      { chip: 'coretemp', label: 'Core 0', current_c: 81, high_c: 100, critical_c: 100 },
      { chip: 'coretemp', label: 'Core 1', current_c: 79, high_c: 100, critical_c: 100 },
      { chip: 'nvme', label: 'Composite', current_c: 38.85, high_c: 84.85, critical_c: 89.85 },
      { chip: 'acpitz', label: '', current_c: 27.8, high_c: null, critical_c: 105 },
    ]);
  });

  it('CPU: reports throttling only when the counters grew since the previous probe', async () => {
    const machine = desktop({ files: {} });
    const probe = new LinuxProbe(new FakeHardwareHost(machine), DEFAULT_HARDWARE_OPTIONS);
    await probe.cpu(window);
    machine.files!['/sys/devices/system/cpu/cpu0/thermal_throttle/core_throttle_count'] = '17';
    const report = await probe.cpu(window);
    expect(report.metrics.core_throttle_count).toBe(20);
    expect(report.issues).toContain('CPU thermally throttled 5 times since the last check');
  });

  it('memory: meminfo as psutil reads it, swap pressure and EDAC errors with the DIMMs', async () => {
    const report = await new LinuxProbe(new FakeHardwareHost(desktop()), DEFAULT_HARDWARE_OPTIONS).memory(window);
    expect(report.status).toBe('warning');
    expect(report.issues).toEqual(['Swap utilisation at 30%', '2 corrected memory errors reported by EDAC']);
    expect(report.metrics).toMatchObject({ percent: 82.8, swap_percent: 30.0, swap_in_bps: null, edac_corrected_errors: 2, edac_uncorrected_errors: 0 });
    expect(report.items).toEqual([
      expect.objectContaining({ slot: 'CPU_SrcID#0_MC#0_Chan#0_DIMM#0', capacity_bytes: 16 * 1024 ** 3, memory_type: 'Unbuffered-DDR4', corrected_errors: 2 }),
      expect.objectContaining({ slot: 'CPU_SrcID#0_MC#0_Chan#1_DIMM#0', corrected_errors: 0 }),
    ]);
  });

  it('disks: every physical disk graded by smartctl (healthy SATA, USB without SMART, failing HDD, NVMe) and the writable volumes', async () => {
    const host = new FakeHardwareHost(desktop());
    const report = await new LinuxProbe(host, DEFAULT_HARDWARE_OPTIONS).disks();
    expect(report.status).toBe('critical');
    const rows = report.items.map((item) => [item.kind, item.device_id ?? item.mountpoint, item.name ?? item.fstype, item.status]);
    expect(rows).toEqual([
      ['physical', '/dev/sda', 'Samsung SSD 860 EVO 500GB', 'healthy'],
      ['physical', '/dev/sdb', 'JMicron Generic', 'unknown'],
      ['physical', '/dev/sdc', 'WDC WD10EZEX-08WN4A0', 'critical'],
      ['physical', '/dev/nvme0', 'Samsung SSD 980 PRO 1TB', 'healthy'],
      ['volume', '/', 'ext4', 'healthy'],
      ['volume', '/boot/efi', 'vfat', 'healthy'],
      ['volume', '/home', 'ext4', 'critical'],
      ['volume', '/media/user/Backup Disk', 'exfat', 'warning'],
    ]);
    expect(report.items[3]).toMatchObject({ serial: 'S5GXNF0R123456A', media_type: 'SSD', bus_type: 'NVMe', size_bytes: 1000204886016 });
    // The sysfs path knows the USB bridge; its rotational flag is not trusted.
    expect(report.items[1]).toMatchObject({ bus_type: 'USB', media_type: null, size_bytes: 3907029168 * 512 });
    expect(report.items[0]).toMatchObject({ bus_type: 'SATA', media_type: 'SSD' });
    expect(report.issues).toContain('JMicron Generic: SMART unavailable: Unknown USB bridge [0x152d:0x0578 (0x205)]');
    expect(report.issues).toContain('WDC WD10EZEX-08WN4A0: SMART overall: FAILED');
    expect(report.issues).toContain('/home: Only 4% free');
    expect(report.metrics).toEqual({ physical_count: 4, volume_count: 4 });
  });

  it('runs smartctl as argument lists with a timeout and an output cap each', async () => {
    const host = new FakeHardwareHost(desktop());
    await new LinuxProbe(host, DEFAULT_HARDWARE_OPTIONS).disks();
    expect(host.runs.map((run) => run.argv)).toEqual([
      [SMARTCTL, '--scan-open', '--json'],
      [SMARTCTL, '-a', '--json', '-d', 'sat', '/dev/sda'],
      [SMARTCTL, '-a', '--json', '-d', 'scsi', '/dev/sdb'],
      [SMARTCTL, '-a', '--json', '-d', 'sat', '/dev/sdc'],
      [SMARTCTL, '-a', '--json', '-d', 'nvme', '/dev/nvme0'],
    ]);
    expect(host.runs.map((run) => run.limits)).toEqual([
      { timeoutMs: 5000, maxOutputBytes: 1024 * 1024 },
      ...Array(4).fill({ timeoutMs: 6000, maxOutputBytes: 1024 * 1024 }),
    ]);
  });

  it('without smartctl every disk is unknown with a readable issue, and volumes are still graded', async () => {
    const report = await new LinuxProbe(new FakeHardwareHost(desktop({ tools: {}, commands: {} })), DEFAULT_HARDWARE_OPTIONS).disks();
    const physical = report.items.filter((item) => item.kind === 'physical');
    expect(physical.map((disk) => disk.device_id)).toEqual(['/dev/nvme0n1', '/dev/sda', '/dev/sdb', '/dev/sdc']);
    expect(physical.every((disk) => disk.status === 'unknown')).toBe(true);
    expect(physical[0].issues).toEqual(['SMART not checked: smartctl not found (install smartmontools)']);
    expect(report.metrics).toEqual({ physical_count: 4, volume_count: 4 });
  });

  it('a spent time budget leaves the remaining disks unknown instead of waiting', async () => {
    const options = { ...DEFAULT_HARDWARE_OPTIONS, smartctl: { ...DEFAULT_HARDWARE_OPTIONS.smartctl, budgetMs: 0 } };
    const host = new FakeHardwareHost(desktop());
    const report = await new LinuxProbe(host, options).disks();
    expect(host.runs).toHaveLength(1);
    expect(report.items[0].issues).toEqual(['SMART not read: the 0 s budget for all disks ran out']);
  });
});

describe('LinuxProbe on this VM (recorded /proc and /sys, recorded smartctl output)', () => {
  const vm = (): FakeMachine => ({
    root: root('linux-vm'),
    tools: { smartctl: SMARTCTL },
    commands: {
      [`${SMARTCTL} --scan-open --json`]: { stdout: fixture('smartctl-scan-open.vm.json') },
      [`${SMARTCTL} -a --json /dev/vda`]: { stdout: fixture('smartctl-vda.vm.json'), exitCode: 1 },
    },
    usage: { '/': { totalBytes: 270553174016, freeBytes: 245383016448, availableBytes: 83774136320 } },
    links: { '/sys/block/vda': '/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda' },
  });

  it('CPU without sensors or cpufreq: temperature null, clock from cpuinfo with no maximum', async () => {
    const report = await new LinuxProbe(new FakeHardwareHost(vm()), DEFAULT_HARDWARE_OPTIONS).cpu(window);
    expect(report.status).toBe('healthy');
    expect(report.metrics).toMatchObject({ cores_physical: 2, freq_max_mhz: null, max_temp_c: null, sensors: [], core_throttle_count: null });
    expect(report.metrics.freq_current_mhz).toEqual(expect.any(Number));
    expect(report.metrics).not.toHaveProperty('freq_ratio');
  });

  it('disks: the virtio disk is unknown (smartctl cannot detect it), loop and zram are not disks, tmpfs is not a volume', async () => {
    const report = await new LinuxProbe(new FakeHardwareHost(vm()), DEFAULT_HARDWARE_OPTIONS).disks();
    expect(report.status).toBe('unknown');
    expect(report.issues).toEqual(['/dev/vda: SMART unavailable: Unable to detect device type']);
    expect(report.items).toEqual([
      expect.objectContaining({
        kind: 'physical',
        device_id: '/dev/vda',
        name: '/dev/vda',
        size_bytes: 274877906944,
        media_type: null,
        bus_type: 'Virtio',
        status: 'unknown',
      }),
      expect.objectContaining({ kind: 'volume', mountpoint: '/', device: '/dev/vda', fstype: 'ext4', free_percent: 31.0, status: 'healthy' }),
    ]);
  });

  it('memory: no EDAC, no modules', async () => {
    const report = await new LinuxProbe(new FakeHardwareHost(vm()), DEFAULT_HARDWARE_OPTIONS).memory(window);
    expect(report.items).toEqual([]);
    expect(report.metrics).toMatchObject({ swap_total_bytes: 0, edac_corrected_errors: null });
  });
});
