import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { START_TIME_TOLERANCE_SEC } from '../process-safety.js';
import { NodeProcessHost } from './node-process-host.js';

// A /proc of fixture files: the host reads them as it reads the real one, and signals nothing here.
describe('NodeProcessHost on a fixture /proc', () => {
  let procRoot: string;
  let host: NodeProcessHost;
  const stat = (pid: number, comm: string, state: string, ppid: number, flags: number, startTicks: number) =>
    `${pid} (${comm}) ${state} ${ppid} ${pid} ${pid} 0 -1 ${flags} 0 0 0 0 10 5 0 0 20 0 1 0 ${startTicks} 1000 250 `;

  beforeAll(async () => {
    procRoot = await mkdtemp(join(tmpdir(), 'sentracore-fake-proc-'));
    await writeFile(join(procRoot, 'stat'), 'cpu  1 2 3 4\nbtime 1796218156\nprocesses 10\n');
    const files: [number, string][] = [
      [4242, stat(4242, 'sc burner', 'R', 4100, 4194560, 123456)],
      [37, stat(37, 'kworker/1:0H', 'I', 2, 69238880, 40)],
      [4300, stat(4300, 'exited', 'Z', 4100, 4194564, 9000)],
    ];
    for (const [pid, text] of files) {
      await mkdir(join(procRoot, String(pid)));
      await writeFile(join(procRoot, String(pid), 'stat'), text);
    }
    host = new NodeProcessHost({ platform: 'linux', procRoot });
  });
  afterAll(() => rm(procRoot, { recursive: true, force: true }));

  it('reads name, parent and the start time as the telemetry source computes create_time', async () => {
    expect(await host.inspect(4242)).toEqual({ pid: 4242, name: 'sc burner', startTimeSec: 1796219390.56, ppid: 4100, kernelThread: false });
  });

  it('tells a kernel thread', async () => {
    expect((await host.inspect(37))?.kernelThread).toBe(true);
  });

  it.each([
    ['a zombie', 4300],
    ['an absent pid', 9999],
  ])('treats %s as no process', async (_what, pid) => {
    expect(await host.inspect(pid)).toBeUndefined();
  });

  it('is elevated exactly when running as root', async () => {
    expect(await host.elevated()).toBe(process.geteuid?.() === 0);
  });
});

// The Windows / macOS path (the systeminformation listing), run here on Linux: it only reads.
describe('NodeProcessHost through the process listing', () => {
  it('finds this process with its parent and a start time within two roundings of /proc’s (two clocks of whole seconds)', async () => {
    const listing = new NodeProcessHost({ platform: 'darwin' });
    const proc = new NodeProcessHost({ platform: 'linux' });
    const [viaListing, viaProc] = await Promise.all([listing.inspect(process.pid), proc.inspect(process.pid)]);
    expect(viaListing).toMatchObject({ pid: process.pid, ppid: process.ppid, kernelThread: false });
    // Two sources here (ps prints whole seconds; /proc adds ticks to a boot time in whole seconds), so up to
    // two roundings apart. In use, the tracked start time and the re-check come from the same source.
    expect(Math.abs(viaListing!.startTimeSec - viaProc!.startTimeSec)).toBeLessThanOrEqual(2 * START_TIME_TOLERANCE_SEC);
    expect(await listing.inspect(2 ** 31 - 2)).toBeUndefined();
    // The listing runs `ps` for every process on the machine: seconds on a loaded CI box.
  }, 30_000);
});
