import { Logger } from '@nestjs/common';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { SentraCoreError } from '../common/sentra-core.error.js';
import { errorCode } from './fs.port.js';
import { processStartSec, processStartTicks } from './process-identity.js';

interface LockRecord {
  pid: number;
  hostname: string;
  started_at: number;
  /** The holder's start time in clock ticks since boot (Linux), so a reused pid is told apart. */
  proc_start?: string;
}

/** A lock written by an engine that recorded no `proc_start`: its holder started before the lock was written. */
const STARTED_BEFORE_LOCK_SLACK_SEC = 5;

/**
 * Why the engine named in a lock no longer holds it (undefined: it may still be running). A live pid is not
 * enough: after a crash the pid can belong to another program, told apart by its start time on Linux
 * (the recorded `proc_start`, or — for a lock without one — a process that started after the lock was written).
 * Where /proc is missing the check falls back to the pid being alive.
 */
export async function staleReason(other: LockRecord | null, ownHost: string): Promise<string | undefined> {
  if (!other) return 'unreadable lock file';
  if (other.hostname !== ownHost) return `written on another host (${other.hostname})`;
  if (other.pid === process.pid) return 'written by an earlier process with this pid';
  if (!isProcessAlive(other.pid)) return `pid ${other.pid} is not running`;
  const ticks = await processStartTicks(other.pid);
  if (ticks === undefined) return undefined;
  if (other.proc_start !== undefined) return other.proc_start === ticks ? undefined : `pid ${other.pid} now belongs to another program (another start time)`;
  const startSec = await processStartSec(other.pid);
  const lockSec = Number(other.started_at);
  if (startSec !== undefined && Number.isFinite(lockSec) && startSec > lockSec + STARTED_BEFORE_LOCK_SLACK_SEC) {
    return `pid ${other.pid} now belongs to another program (started after the lock was written)`;
  }
  return undefined;
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
 * A lock whose holder is gone (a killed engine, or its pid reused by another program) is stale and taken over.
 */
export class EngineLock {
  private readonly logger = new Logger(EngineLock.name);
  private held = false;

  constructor(private readonly file: string) {}

  async acquire(): Promise<void> {
    if (heldInProcess.has(this.file)) throw this.conflict(process.pid);
    const own: LockRecord = { pid: process.pid, hostname: hostname(), started_at: Date.now() / 1000, proc_start: await processStartTicks(process.pid) };
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
      const reason = await staleReason(other, own.hostname);
      if (reason === undefined) throw this.conflict(other!.pid);
      this.logger.warn({ message: `taking over a stale engine lock: ${reason}`, file: this.file, stalePid: other?.pid ?? null });
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
