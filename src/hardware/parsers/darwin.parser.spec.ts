import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { darwinMemory, parseDarwinMounts, parseSwapUsage, parseSysctl, parseVmStat } from './darwin.parser.js';

const FIXTURES = new URL('../../../test/fixtures/hardware/darwin/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('macOS tools', () => {
  it('sysctl lines; a missing name (Apple silicon has no hw.cpufrequency) is absent', () => {
    expect(Object.fromEntries(parseSysctl(fixture('sysctl-cpu.txt')))).toEqual({
      'hw.physicalcpu': '4',
      'hw.cpufrequency': '2300000000',
      'hw.cpufrequency_max': '2300000000',
    });
    expect(parseSysctl(fixture('sysctl-cpu-apple-silicon.txt')).has('hw.cpufrequency')).toBe(false);
  });

  it("vm_stat with 16 KiB pages, and psutil's available = free + inactive, used = active + wired", () => {
    const vmStat = parseVmStat(fixture('vm_stat.txt'));
    expect(vmStat.pageBytes).toBe(16384);
    expect(vmStat.counts.get('Swapouts')).toBe(239818);
    expect(vmStat.counts.get('Translation faults')).toBe(791212457);
    expect(darwinMemory(17179869184, vmStat)).toEqual({ usedBytes: (339021 + 130458) * 16384, availableBytes: (12718 + 333179) * 16384 });
  });

  it('vm.swapusage', () => {
    const swap = parseSysctl(fixture('sysctl-memory.txt')).get('vm.swapusage');
    expect(parseSwapUsage(swap)).toEqual({ totalBytes: 2048 * 1024 ** 2, usedBytes: Math.round(1101.25 * 1024 ** 2) });
    expect(parseSwapUsage(undefined)).toBeNull();
  });

  it('mount lines with their options', () => {
    const mounts = parseDarwinMounts(fixture('mount.txt'));
    expect(mounts[0]).toEqual({ device: '/dev/disk3s1s1', mountpoint: '/', fstype: 'apfs', options: ['sealed', 'local', 'read-only', 'journaled'] });
    expect(mounts.find((mount) => mount.mountpoint === '/Volumes/Time Machine')?.fstype).toBe('apfs');
    expect(mounts).toHaveLength(10);
  });
});
