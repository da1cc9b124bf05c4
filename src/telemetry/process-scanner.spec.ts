import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessScanner } from './process-scanner.js';

/** A /proc/[pid]/stat line: utime, stime, starttime and rss (pages) are the fields that matter. */
const statLine = (pid: number, comm: string, state: string, utime: number, stime: number, start: number, rssPages: number): string =>
  `${pid} (${comm}) ${state} 1 ${pid} ${pid} 0 -1 4194304 100 0 0 0 ${utime} ${stime} 0 0 20 0 1 0 ${start} 3133440 ${rssPages} 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n`;

const GIB = 1024 ** 3;
const context = { memTotalBytes: 4 * GIB, bootTimeSec: 1_700_000_000, logicalCpus: 1 };

describe('ProcessScanner', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'sentracore-proc-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const writeProc = async (pid: number, stat: string, cmdline = ''): Promise<void> => {
    await mkdir(join(root, String(pid)), { recursive: true });
    await writeFile(join(root, String(pid), 'stat'), stat);
    await writeFile(join(root, String(pid), 'cmdline'), cmdline);
  };
  const setUptime = (seconds: number): Promise<void> => writeFile(join(root, 'uptime'), `${seconds.toFixed(2)} 0.00\n`);

  it('builds records from stat alone: names with parentheses, status, rss bytes, create time', async () => {
    await setUptime(1000);
    await writeProc(10, statLine(10, 'Web Content', 'S', 300, 100, 50_000, 25_600));
    await writeProc(11, statLine(11, 'a) (b', 'Z', 0, 0, 60_000, 0));
    const { top, running } = await new ProcessScanner({ procRoot: root }).scan(context);
    const [web, odd] = top;
    expect([...running].sort()).toEqual([10, 11]);
    expect(web).toEqual({
      pid: 10,
      name: 'Web Content',
      // first sighting: 400 ticks over its 500 s lifetime
      cpu_percent: 0.8,
      memory_percent: 2.44, // 25 600 pages × 4 KiB of 4 GiB
      memory_rss: 25_600 * 4096,
      status: 'sleeping',
      create_time: 1_700_000_500,
    });
    expect(odd).toMatchObject({ pid: 11, name: 'a) (b', status: 'zombie', cpu_percent: 0, memory_rss: 0 });
  });

  it('measures cpu between scans with /proc/uptime as the timer, and ranks by cpu + memory share', async () => {
    const scanner = new ProcessScanner({ procRoot: root, limit: 2 });
    await setUptime(1000);
    await writeProc(20, statLine(20, 'idle-big', 'S', 10, 0, 100, 900_000)); // 3.43 GiB of 4: 85.83 %
    await writeProc(21, statLine(21, 'busy', 'R', 10, 0, 100, 100));
    await writeProc(22, statLine(22, 'idle-small', 'S', 10, 0, 100, 50));
    await scanner.scan(context);
    await setUptime(1010);
    await writeProc(21, statLine(21, 'busy', 'R', 510, 0, 100, 100)); // 500 ticks = 5 s of cpu in 10 s
    const { top } = await scanner.scan(context);
    expect(top.map((p) => [p.name, p.cpu_percent, p.memory_percent])).toEqual([
      ['idle-big', 0, 85.83], // 0 + 85.83 ranks above 50 + 0.01, as the earlier engine ranks
      ['busy', 50, 0.01],
    ]);
  });

  it("reports a process's cpu as its share of all logical cpus, as the earlier engine", async () => {
    const scanner = new ProcessScanner({ procRoot: root });
    await setUptime(1000);
    await writeProc(21, statLine(21, 'busy', 'R', 0, 0, 100, 100));
    await writeProc(23, statLine(23, 'threads', 'R', 0, 0, 100, 100));
    await scanner.scan({ ...context, logicalCpus: 4 });
    await setUptime(1010);
    await writeProc(21, statLine(21, 'busy', 'R', 1000, 0, 100, 100)); // one core busy: 100 % of a core, 25 % of four
    await writeProc(23, statLine(23, 'threads', 'R', 3000, 3000, 100, 100)); // 600 % of a core: capped at 100 % of the machine
    const { top } = await scanner.scan({ ...context, logicalCpus: 4 });
    expect(top.map((p) => [p.name, p.cpu_percent])).toEqual([
      ['threads', 100],
      ['busy', 25],
    ]);
  });

  it('does not carry ticks over to a reused pid', async () => {
    const scanner = new ProcessScanner({ procRoot: root });
    await setUptime(1000);
    await writeProc(30, statLine(30, 'old', 'S', 5000, 0, 100, 1));
    await scanner.scan(context);
    await setUptime(1010);
    // Same pid, new process started 5 s ago with 100 ticks: its own lifetime average, not a negative delta.
    await writeProc(30, statLine(30, 'new', 'S', 100, 0, 100_500, 1));
    const [fresh] = (await scanner.scan(context)).top;
    expect(fresh).toMatchObject({ name: 'new', cpu_percent: 20 });
  });

  it('skips pids that vanish mid-scan and non-pid entries', async () => {
    await setUptime(100);
    await writeProc(40, statLine(40, 'alive', 'S', 1, 0, 10, 1));
    await mkdir(join(root, '41')); // exited between readdir and read: no stat file any more
    await writeFile(join(root, '42'), 'not a directory');
    await mkdir(join(root, 'self'));
    const { top, running } = await new ProcessScanner({ procRoot: root }).scan(context);
    expect(top.map((p) => p.pid)).toEqual([40]);
    expect([...running]).toEqual([40]);
  });

  it('restores a 15-character comm from cmdline, like psutil', async () => {
    await setUptime(100);
    await writeProc(50, statLine(50, 'gnome-shell-cal', 'S', 1, 0, 10, 1), '/usr/libexec/gnome-shell-calendar-server\0--flag\0');
    await writeProc(51, statLine(51, 'memfd:sealed-91', 'S', 0, 0, 10, 1), '/proc/self/fd/3\0');
    const names = (await new ProcessScanner({ procRoot: root }).scan(context)).top.map((p) => p.name);
    expect(names).toEqual(['gnome-shell-calendar-server', 'memfd:sealed-91']);
  });

  it('returns an empty list when /proc cannot be listed', async () => {
    await expect(new ProcessScanner({ procRoot: join(root, 'missing') }).scan(context)).resolves.toEqual({ top: [], running: new Set() });
  });
});
