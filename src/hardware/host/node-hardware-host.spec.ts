import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeHardwareHost } from './node-hardware-host.js';

const NODE = process.execPath;
const host = new NodeHardwareHost();
const node = (script: string, ...args: string[]) => [NODE, '-e', script, ...args];

describe('NodeHardwareHost.run: an argument list with a timeout and an output cap, never rejecting', () => {
  it('returns stdout of a command that exits 0', async () => {
    expect(await host.run(node('process.stdout.write("hi")'), { timeoutMs: 10_000 })).toEqual({ ok: true, exitCode: 0, stdout: 'hi', stderr: '' });
  });

  it('keeps the output and the code of a non-zero exit (smartctl reports status bits that way)', async () => {
    const result = await host.run(node('console.log("{}"); process.exit(4)'), { timeoutMs: 10_000 });
    expect(result).toEqual({ ok: false, exitCode: 4, stdout: '{}\n', stderr: '' });
  });

  it('kills a command that overruns its timeout', async () => {
    const started = Date.now();
    const result = await host.run(node('setTimeout(() => {}, 20000)'), { timeoutMs: 300 });
    expect(result.failure).toMatch(/did not finish within 0.3 s; stopped$/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('kills a command that prints past the cap', async () => {
    const result = await host.run(node('process.stdout.write("x".repeat(200000)); setTimeout(() => {}, 20000)'), { timeoutMs: 15_000, maxOutputBytes: 1000 });
    expect(result.failure).toMatch(/printed more than 1000 bytes; stopped$/);
  });

  it('a missing tool is "not found", not an error', async () => {
    expect(await host.run(['sentracore-no-such-tool-1b3f', '--json'], { timeoutMs: 1000 })).toMatchObject({
      ok: false,
      notFound: true,
      failure: 'sentracore-no-such-tool-1b3f not found',
    });
  });

  it('passes arguments through without a shell', async () => {
    const result = await host.run(node('process.stdout.write(process.argv[1])', '/dev/sda; echo $HOME `id`'), { timeoutMs: 10_000 });
    expect(result.stdout).toBe('/dev/sda; echo $HOME `id`');
  });
});

describe('NodeHardwareHost files', () => {
  const FIXTURE_ROOT = fileURLToPath(new URL('../../../test/fixtures/hardware/linux-vm/', import.meta.url));

  it('reads under the injected root, and answers undefined or [] for what is missing', async () => {
    const vm = new NodeHardwareHost(FIXTURE_ROOT);
    expect(await vm.readText('/proc/meminfo')).toMatch(/^MemTotal:/);
    expect(await vm.listDir('/sys/block')).toEqual(expect.arrayContaining(['vda', 'loop0', 'zram0']));
    expect(await vm.readText('/proc/nope')).toBeUndefined();
    expect(await vm.listDir('/sys/class/hwmon')).toEqual([]);
  });

  it('filesystem usage of a real folder; undefined for a missing one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-hw-'));
    try {
      const usage = await host.fsUsage(dir);
      expect(usage!.totalBytes).toBeGreaterThan(0);
      expect(usage!.availableBytes).toBeLessThanOrEqual(usage!.freeBytes);
      expect(await host.fsUsage(join(dir, 'missing'))).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a tool in the given folders only', async () => {
    expect(await host.findTool('node', ['/nonexistent-dir', dirname(NODE)])).toBe(join(dirname(NODE), 'node'));
    expect(await host.findTool('sentracore-no-such-tool-1b3f', [dirname(NODE)])).toBeUndefined();
  });

  it('CPU times per logical CPU', () => {
    const times = host.cpuTimes();
    expect(times.length).toBeGreaterThan(0);
    expect(times[0]).toEqual({
      user: expect.any(Number),
      nice: expect.any(Number),
      sys: expect.any(Number),
      idle: expect.any(Number),
      irq: expect.any(Number),
    });
  });
});
