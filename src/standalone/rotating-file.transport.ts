import { createWriteStream, type WriteStream } from 'node:fs';
import { lstat, mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import TransportStream from 'winston-transport';
import { APPEND_NOFOLLOW } from '../storage/no-follow.js';

const EXISTENCE_CHECK_MS = 5_000;

/**
 * A size-capped log file with numbered rotations (engine.log, engine.log.1, …).
 * Unlike winston's File transport, it notices when logs/ is deleted while running
 * (SPEC §8: safe to delete) and recreates it instead of writing into an unlinked file.
 * It never writes through a symbolic link: an engine.log that is a link gets nothing (the console
 * still does) until it is removed; a logs/ folder that is itself a link is used (a relocation).
 */
export class RotatingFileTransport extends TransportStream {
  private stream?: WriteStream;
  private bytes = 0;
  private lastCheckMs = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly maxBytes: number,
    private readonly backups: number,
  ) {
    super();
  }

  override log(info: Record<PropertyKey, unknown>, next: () => void): void {
    const line = String(info[Symbol.for('message')] ?? info.message) + '\n';
    // Serialised so rotation never races a write; failures are swallowed: logging must never stop the engine.
    this.chain = this.chain.then(() => this.append(line)).catch(() => undefined);
    next();
  }

  override close(): void {
    this.stream?.end();
    this.stream = undefined;
  }

  private async append(line: string): Promise<void> {
    if (!(await this.ensureOpen())) return;
    if (this.bytes + line.length > this.maxBytes && this.bytes > 0) await this.rotate();
    const stream = await this.ensureOpen();
    if (!stream) return;
    stream.write(line);
    this.bytes += Buffer.byteLength(line);
  }

  private async ensureOpen(): Promise<WriteStream | undefined> {
    const now = Date.now();
    if (this.stream && now - this.lastCheckMs < EXISTENCE_CHECK_MS) return this.stream;
    this.lastCheckMs = now;
    const found = await lstat(this.file).catch(() => undefined);
    if (found?.isSymbolicLink()) {
      this.close();
      this.warnLinkOnce();
      return undefined;
    }
    if (this.stream && found) return this.stream;
    this.close();
    await mkdir(dirname(this.file), { recursive: true });
    // O_NOFOLLOW: a link planted after the lstat still fails the open (ELOOP) instead of being written through.
    const handle = await open(this.file, APPEND_NOFOLLOW).catch(() => undefined);
    if (!handle) return undefined;
    this.stream = createWriteStream(this.file, { fd: handle });
    this.stream.on('error', () => this.close());
    this.bytes = found?.size ?? 0;
    return this.stream;
  }

  private linkWarned = false;

  private warnLinkOnce(): void {
    if (this.linkWarned) return;
    this.linkWarned = true;
    process.stderr.write(`sentracore: ${this.file} is a symbolic link; the log is not written through it (remove the link to resume)\n`);
  }

  private async rotate(): Promise<void> {
    this.close();
    await unlink(`${this.file}.${this.backups}`).catch(() => undefined);
    for (let i = this.backups - 1; i >= 1; i--) {
      await rename(`${this.file}.${i}`, `${this.file}.${i + 1}`).catch(() => undefined);
    }
    if (this.backups > 0) await rename(this.file, `${this.file}.1`).catch(() => undefined);
    else await unlink(this.file).catch(() => undefined);
    this.lastCheckMs = 0;
  }
}
