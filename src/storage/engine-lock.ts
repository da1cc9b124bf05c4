import { Logger } from '@nestjs/common';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { SentraCoreError } from '../common/sentra-core.error.js';
import { errorCode } from './fs.port.js';

interface LockRecord {
  pid: number;
  hostname: string;
  started_at: number;
}

// Locks this process holds, so two engines inside one process (tests, host apps) also exclude each other.
const heldInProcess = new Set<string>();

/** Whether a process with this pid exists (on this machine). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to someone else, so it is alive.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * The single-writer lock of a datastore (state/engine.lock): two engines never interleave writes.
 * A lock whose pid is gone (a killed engine) is stale and taken over.
 */
export class EngineLock {
  private readonly logger = new Logger(EngineLock.name);
  private held = false;

  constructor(private readonly file: string) {}

  async acquire(): Promise<void> {
    if (heldInProcess.has(this.file)) throw this.conflict(process.pid);
    const own: LockRecord = { pid: process.pid, hostname: hostname(), started_at: Date.now() / 1000 };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await writeFile(this.file, JSON.stringify(own) + '\n', { flag: 'wx' });
        this.held = true;
        heldInProcess.add(this.file);
        return;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      const text = await readFile(this.file, 'utf8').catch(() => '');
      const other = this.parse(text);
      if (other && other.hostname === own.hostname && isProcessAlive(other.pid) && other.pid !== process.pid) throw this.conflict(other.pid);
      this.logger.warn({ message: 'taking over a stale engine lock', file: this.file, stalePid: other?.pid ?? null });
      // Remove only the stale lock we read, so a lock a racing engine has just written survives.
      if ((await readFile(this.file, 'utf8').catch(() => '')) === text) await unlink(this.file).catch(() => undefined);
    }
    throw new SentraCoreError('CONFLICT', `could not take the engine lock ${this.file}`);
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    heldInProcess.delete(this.file);
    await unlink(this.file).catch(() => undefined);
  }

  private parse(text: string): LockRecord | null {
    try {
      const value = JSON.parse(text) as Partial<LockRecord>;
      return Number.isInteger(value.pid) ? (value as LockRecord) : null;
    } catch {
      return null;
    }
  }

  private conflict(pid: number): SentraCoreError {
    return new SentraCoreError(
      'CONFLICT',
      `datastore is in use by another SentraCore engine (pid ${pid}); stop it first or choose another SENTRACORE_DATA_DIR (lock: ${this.file})`,
    );
  }
}
