import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineLock } from './engine-lock.js';
import { processStartTicks } from './process-identity.js';

// Issue 21 item 8: after a crash the lock's pid can belong to another program; a live pid alone blocked every start.
// The "unrelated program" is a child this test spawns (a sleeping node), never a process it did not start.
describe('EngineLock identity (Linux /proc start time)', () => {
  let dir: string;
  let child: ChildProcess;
  let warn: ReturnType<typeof jest.spyOn>;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentracore-lock-'));
    child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('spawn', resolve));
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    child.kill('SIGKILL');
    warn.mockRestore();
    await rm(dir, { recursive: true, force: true });
  });

  const lockFile = () => join(dir, 'engine.lock');
  const writeLock = (record: object) => writeFile(lockFile(), JSON.stringify(record) + '\n');
  const warned = () => (warn.mock.calls as unknown[][]).map((call) => JSON.stringify(call[0])).join('\n');

  it('takes over a lock whose live pid now has another start time, and logs why', async () => {
    const pid = child.pid!;
    // The start time recorded by the crashed engine: this test process's, certainly not the child's.
    await writeLock({ pid, hostname: hostname(), started_at: Date.now() / 1000 - 3600, proc_start: await processStartTicks(process.pid) });
    const lock = new EngineLock(lockFile());
    await lock.acquire();
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(warned()).toContain(`pid ${pid} now belongs to another program`);
    await lock.release();
  });

  it('takes over a lock without a start time (an older engine wrote it) whose pid started after the lock', async () => {
    await writeLock({ pid: child.pid, hostname: hostname(), started_at: Date.now() / 1000 - 3600 });
    const lock = new EngineLock(lockFile());
    await lock.acquire();
    expect(warned()).toContain('started after the lock was written');
    await lock.release();
  });

  it('still refuses a lock whose pid is the very process that wrote it (same start time)', async () => {
    await writeLock({ pid: child.pid, hostname: hostname(), started_at: Date.now() / 1000, proc_start: await processStartTicks(child.pid!) });
    await expect(new EngineLock(lockFile()).acquire()).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: child.pid });
  });

  it('records its own start time, so the next engine can tell a reused pid apart', async () => {
    const lock = new EngineLock(lockFile());
    await lock.acquire();
    expect(JSON.parse(await readFile(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, proc_start: await processStartTicks(process.pid) });
    await lock.release();
  });
});
