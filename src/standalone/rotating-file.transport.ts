import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import TransportStream from 'winston-transport';

const EXISTENCE_CHECK_MS = 5_000;

/**
 * A size-capped log file with numbered rotations (engine.log, engine.log.1, …).
 * Unlike winston's File transport, it notices when logs/ is deleted while running
 * (SPEC §8: safe to delete) and recreates it instead of writing into an unlinked file.
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
    await this.ensureOpen();
    if (this.bytes + line.length > this.maxBytes && this.bytes > 0) await this.rotate();
    const stream = await this.ensureOpen();
    stream.write(line);
    this.bytes += Buffer.byteLength(line);
  }

  private async ensureOpen(): Promise<WriteStream> {
    const now = Date.now();
    if (this.stream && now - this.lastCheckMs < EXISTENCE_CHECK_MS) return this.stream;
    this.lastCheckMs = now;
    const size = await stat(this.file).then(
      (s) => s.size,
      () => -1,
    );
    if (this.stream && size >= 0) return this.stream;
    this.close();
    await mkdir(dirname(this.file), { recursive: true });
    this.stream = createWriteStream(this.file, { flags: 'a' });
    this.stream.on('error', () => this.close());
    this.bytes = Math.max(0, size);
    return this.stream;
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
