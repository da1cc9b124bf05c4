import { describe, expect, it } from '@jest/globals';
import { isPhysicalWholeDisk, parseDiskstats, parseMeminfo, parsePidStat, parseProcStat, parseUptime, processStatus } from './proc-parsers.js';

const PROC_STAT = `cpu  7975 10 4265 49286 115 0 267 5 40 0
cpu0 3451 0 1938 25463 9 0 139 0 0 0
cpu1 4524 10 2327 23823 106 0 128 5 40 0
intr 357712 0 0 0 0
ctxt 987072
btime 1795779355
processes 3687
procs_running 1
`;

describe('parseProcStat', () => {
  it('sums busy and total jiffies without guest time, with iowait counted as idle', () => {
    const stat = parseProcStat(PROC_STAT);
    // total = user+nice+system+idle+iowait+irq+softirq+steal; guest (40) is inside user already.
    expect(stat.total).toEqual({ total: 7975 + 10 + 4265 + 49286 + 115 + 267 + 5, busy: 7975 + 10 + 4265 + 267 + 5 });
    expect(stat.perCore).toEqual([
      { total: 3451 + 1938 + 25463 + 9 + 139, busy: 3451 + 1938 + 139 },
      { total: 4524 + 10 + 2327 + 23823 + 106 + 128 + 5, busy: 4524 + 10 + 2327 + 128 + 5 },
    ]);
    expect(stat.bootTimeSec).toBe(1795779355);
  });

  it('gives zeros for empty or garbled text', () => {
    expect(parseProcStat('')).toEqual({ total: { busy: 0, total: 0 }, perCore: [], bootTimeSec: 0 });
    expect(parseProcStat('cpu x y\nbtime nope').total).toEqual({ busy: 0, total: 0 });
  });
});

describe('parseMeminfo', () => {
  it('converts kB fields to bytes and keeps plain counts as they are', () => {
    const fields = parseMeminfo(
      'MemTotal:       24683620 kB\nMemFree:        24266608 kB\nMemAvailable:   24358096 kB\nHugePages_Total:       3\nActive(anon):       1520 kB\n',
    );
    expect(fields.get('MemTotal')).toBe(24683620 * 1024);
    expect(fields.get('MemAvailable')).toBe(24358096 * 1024);
    expect(fields.get('HugePages_Total')).toBe(3);
    expect(fields.get('Active(anon)')).toBe(1520 * 1024);
    expect(parseMeminfo('').size).toBe(0);
  });
});

const DISKSTATS = `   7       0 loop0 120 0 2400 10 0 0 0 0 0 10 10 0 0 0 0 0 0
 254       0 vda 6694 3609 543394 3807 3348 56620 1328456 5051 0 2044 9381 3494 124 43136 520 3 1
 254       1 vda1 6000 3000 500000 3000 3000 50000 1200000 5000 0 2000 9000 0 0 0 0 0 0
 253       0 zram0 50 0 400 0 60 0 480 0 0 0 0 0 0 0 0 0 0
 259       0 nvme0n1 100 0 2000 10 200 0 4000 20 0 30 30
 259       1 nvme0n1p1 90 0 1800 10 190 0 3800 20 0 30 30
 252       0 dm-0 500 0 9000 10 600 0 9600 20 0 30 30
   9       0 md0 10 0 80 0 10 0 80 0 0 0 0
`;

describe('parseDiskstats', () => {
  it('sums physical whole disks only, sectors × 512, with the /sys/block listing', () => {
    const wholeDisks = new Set(['loop0', 'vda', 'zram0', 'nvme0n1', 'dm-0', 'md0']);
    expect(parseDiskstats(DISKSTATS, wholeDisks)).toEqual({
      read_count: 6694 + 100,
      read_bytes: (543394 + 2000) * 512,
      write_count: 3348 + 200,
      write_bytes: (1328456 + 4000) * 512,
    });
  });

  it('recognises partitions by name when /sys/block is unavailable', () => {
    expect(parseDiskstats(DISKSTATS)).toEqual(parseDiskstats(DISKSTATS, new Set(['vda', 'nvme0n1'])));
    expect(parseDiskstats('')).toEqual({ read_bytes: 0, write_bytes: 0, read_count: 0, write_count: 0 });
  });

  it.each([
    ['sda', true],
    ['sda1', false],
    ['nvme0n1', true],
    ['nvme0n1p2', false],
    ['mmcblk0', true],
    ['mmcblk0p1', false],
    ['xvdb3', false],
    ['loop7', false],
    ['ram0', false],
    ['zram0', false],
    ['dm-3', false],
    ['md127', false],
  ])('%s counts as a physical whole disk: %s', (name, expected) => {
    expect(isPhysicalWholeDisk(name)).toBe(expected);
  });
});

describe('parsePidStat', () => {
  const tail = '3663 3663 3214 0 -1 4194304 102 0 0 0 250 75 4 6 20 0 1 0 31061 3133440 411 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0';

  it('reads utime+stime, start time and rss after the command name', () => {
    expect(parsePidStat(`3671 (cat) R ${tail}\n`)).toEqual({
      pid: 3671,
      comm: 'cat',
      state: 'R',
      cpuTicks: 325,
      startTicks: 31061,
      rssPages: 411,
    });
  });

  it.each(['(Web Content)', 'Web Content', 'a) S 1 (b', ') R (', 'x y z'])('keeps a command name with spaces and parentheses: %s', (comm) => {
    const parsed = parsePidStat(`42 (${comm}) S ${tail}`);
    expect(parsed).toMatchObject({ pid: 42, comm, state: 'S', cpuTicks: 325, startTicks: 31061, rssPages: 411 });
  });

  it('returns undefined for text that is not a stat line', () => {
    expect(parsePidStat('')).toBeUndefined();
    expect(parsePidStat('42 (short) S 1 2')).toBeUndefined();
  });
});

describe('parseUptime and processStatus', () => {
  it('reads seconds since boot', () => {
    expect(parseUptime('375.01 620.17\n')).toBe(375.01);
    expect(parseUptime('')).toBe(0);
  });

  it.each([
    ['R', 'running'],
    ['S', 'sleeping'],
    ['I', 'idle'],
    ['Z', 'zombie'],
    ['T', 'stopped'],
    ['D', 'disk-sleep'],
    ['?', 'unknown'],
  ])('maps state %s to %s', (state, status) => {
    expect(processStatus(state)).toBe(status);
  });
});
