import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { deviceFilesystems, memoryFromMeminfo, parseCpuinfo, parseMeminfo, parseMounts, parseVmstatSwap } from './proc.parser.js';

const FIXTURES = new URL('../../../test/fixtures/hardware/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('/proc/meminfo', () => {
  it('reads fields in bytes, counts without kB as they are', () => {
    const fields = parseMeminfo('MemTotal:       1000 kB\nHugePages_Total:       3\nActive(anon):   5 kB\n');
    expect(Object.fromEntries(fields)).toEqual({ MemTotal: 1024000, HugePages_Total: 3, 'Active(anon)': 5120 });
  });

  it('psutil semantics on a desktop (constructed): used = total − free − buffers − cached, available = MemAvailable', () => {
    const kib = 1024;
    expect(memoryFromMeminfo(parseMeminfo(fixture('linux-desktop/proc/meminfo')))).toEqual({
      totalBytes: 32767212 * kib,
      usedBytes: (32767212 - 1180432 - 402816 - 4511288 - 611204) * kib,
      availableBytes: 5642120 * kib,
      swapTotalBytes: 8388604 * kib,
      swapUsedBytes: (8388604 - 5872020) * kib,
    });
  });

  it('this VM (recorded): no swap', () => {
    const figures = memoryFromMeminfo(parseMeminfo(fixture('linux-vm/proc/meminfo')))!;
    expect(figures.totalBytes).toBeGreaterThan(0);
    expect(figures.availableBytes).toBeLessThanOrEqual(figures.totalBytes);
    expect(figures.swapTotalBytes).toBe(0);
  });

  it('without MemTotal there are no figures', () => {
    expect(memoryFromMeminfo(parseMeminfo(''))).toBeUndefined();
  });
});

describe('/proc/vmstat, /proc/mounts, /proc/filesystems, /proc/cpuinfo', () => {
  it('swap page counters', () => {
    expect(parseVmstatSwap(fixture('linux-desktop/proc/vmstat'))).toEqual({ inPages: 182337, outPages: 611052 });
    expect(parseVmstatSwap(fixture('linux-vm/proc/vmstat'))).toEqual({ inPages: 0, outPages: 0 });
    expect(parseVmstatSwap('pgfault 1')).toBeUndefined();
  });

  it('mount lines, with octal escapes decoded', () => {
    const mounts = parseMounts(fixture('linux-desktop/proc/mounts'));
    expect(mounts.find((mount) => mount.device === '/dev/sdb1')).toEqual({
      device: '/dev/sdb1',
      mountpoint: '/media/user/Backup Disk',
      fstype: 'exfat',
      options: ['rw', 'nosuid', 'nodev', 'relatime', 'uid=1000', 'gid=1000', 'fmask=0022', 'dmask=0022', 'iocharset=utf8', 'errors=remount-ro'],
    });
  });

  it('device-backed filesystem types (not nodev)', () => {
    const types = deviceFilesystems(fixture('linux-vm/proc/filesystems'));
    expect(types.has('ext4')).toBe(true);
    expect(types.has('tmpfs')).toBe(false);
    expect(types.has('proc')).toBe(false);
  });

  it('cpuinfo: mean clock and physical cores (recorded on this VM: 2 cores, no cpufreq)', () => {
    const { meanMhz, physicalCores } = parseCpuinfo(fixture('linux-vm/proc/cpuinfo'));
    expect(physicalCores).toBe(2);
    expect(meanMhz).toBeGreaterThan(1000);
  });
});
