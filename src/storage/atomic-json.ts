import { Inject, Injectable, Logger } from '@nestjs/common';
import { basename, dirname, join } from 'node:path';
import { toWireJson, ANY, type WireShape } from '../common/wire.js';
import { errorCode, FS_PORT, type FsPort } from './fs.port.js';
import { StorageHealth } from './storage-health.js';

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RENAME_ATTEMPTS = 5;
const TEMP_PATTERN = /^\..+\.\d+\.\d+\.tmp$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Atomic JSON state files (SPEC §2): a crash leaves the old file or the new one, never half. */
@Injectable()
export class AtomicJson {
  private readonly logger = new Logger(AtomicJson.name);
  private readonly queues = new Map<string, Promise<void>>();
  private tempCounter = 0;

  constructor(
    @Inject(FS_PORT) private readonly fs: FsPort,
    private readonly health: StorageHealth,
  ) {}

  /**
   * Writes are queued per path so two callers never race on one file. `shape` (the value's DTO
   * shape) keeps float-typed numbers in float form on disk, as the earlier engine wrote them (SPEC §4).
   */
  write(file: string, value: unknown, shape: WireShape = ANY): Promise<void> {
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.writeNow(file, value, shape));
    this.queues.set(file, next);
    const forget = () => {
      if (this.queues.get(file) === next) this.queues.delete(file);
    };
    next.then(forget, forget);
    return next;
  }

  /** The caller's fallback for a missing, empty or malformed file; one bad file never stops the engine. */
  async read<T>(file: string, fallback: T): Promise<T> {
    const found = await this.readIfPresent<T>(file);
    return found.usable ? found.value : fallback;
  }

  /** As `read`, but tells a missing file (`present: false`) apart from one that exists and cannot be used. */
  async readIfPresent<T>(
    file: string,
    maxBytes = Number.POSITIVE_INFINITY,
  ): Promise<{ present: false; usable: false } | { present: true; usable: false } | { present: true; usable: true; value: T }> {
    let text: string;
    try {
      // A file far larger than the engine ever writes is not parsed at all: parsing it would hold
      // several times its size in memory, and the garbage stays resident while the engine idles.
      const { size } = await this.fs.stat(file);
      if (size > maxBytes) {
        this.logger.warn({ message: `read ${file}: ${size} bytes, over the ${maxBytes}-byte cap; not read, using defaults` });
        return { present: true, usable: false };
      }
      text = await this.fs.readFile(file, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { present: false, usable: false };
      this.logger.warn({ message: `read ${file}: ${String(error)}` });
      return { present: true, usable: false };
    }
    if (text.trim() === '') return { present: true, usable: false };
    try {
      return { present: true, usable: true, value: JSON.parse(text) as T };
    } catch (error) {
      this.logger.warn({ message: `read ${file}: malformed JSON, using defaults`, error: String(error) });
      return { present: true, usable: false };
    }
  }

  /** Removes temp files a crash left behind mid-write (this class's own naming pattern unless told another). */
  async sweepTempFiles(dir: string, pattern: RegExp = TEMP_PATTERN): Promise<number> {
    let removed = 0;
    const names = await this.fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (!pattern.test(name)) continue;
      await this.fs.unlink(join(dir, name)).then(
        () => removed++,
        () => undefined,
      );
    }
    return removed;
  }

  private async writeNow(file: string, value: unknown, shape: WireShape): Promise<void> {
    const text = toWireJson(value, shape, 2) + '\n';
    try {
      await this.writeAtomically(file, text).catch(async (error: unknown) => {
        // The folder may have been deleted underneath us: recreate it once and retry.
        if (errorCode(error) !== 'ENOENT') throw error;
        await this.fs.mkdir(dirname(file), { recursive: true });
        await this.writeAtomically(file, text);
      });
      this.health.recordSuccess(dirname(file));
    } catch (error) {
      this.health.recordFailure(`write ${file}`, error, dirname(file));
      throw error;
    }
  }

  private async writeAtomically(file: string, text: string): Promise<void> {
    const dir = dirname(file);
    const temp = join(dir, `.${basename(file)}.${process.pid}.${this.tempCounter++}.tmp`);
    try {
      const handle = await this.fs.open(temp, 'w');
      try {
        await handle.writeFile(text, 'utf8');
        // fsync before rename, or a power loss could leave the new name pointing at empty blocks.
        await handle.sync().catch(() => undefined);
      } finally {
        await handle.close();
      }
      await this.renameWithRetry(temp, file);
    } catch (error) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw error;
    }
    await this.syncDir(dir);
  }

  // On Windows, antivirus or the indexer may hold the target for a moment: retry with a short backoff.
  private async renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.fs.rename(from, to);
      } catch (error) {
        if (attempt >= RENAME_ATTEMPTS || !RENAME_RETRY_CODES.has(errorCode(error) ?? '')) throw error;
        await sleep(10 * 2 ** attempt);
      }
    }
  }

  // fsync the folder so the rename itself survives power loss; unsupported on Windows, hence best effort.
  private async syncDir(dir: string): Promise<void> {
    try {
      const handle = await this.fs.open(dir, 'r');
      await handle.sync().catch(() => undefined);
      await handle.close();
    } catch {
      /* best effort */
    }
  }
}
