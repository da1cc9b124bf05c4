import type { DatastorePaths } from '../../storage/datastore-paths.js';
import { errorCode, type FsPort } from '../../storage/fs.port.js';
import { APPEND_NOFOLLOW, READ_NOFOLLOW, SymlinkRefusedError } from '../../storage/no-follow.js';
import type { DayFile, HistoryCatalogue } from '../index/history-catalogue.js';
import { dayOfAt, decodeSampleLine, encodeSample, fileNameOfDay, type HistorySampleRecord } from './history-line.codec.js';

const NEWLINE = 0x0a;
/** How far back from the end of the newest file to look for the last stored sample. */
const TAIL_BYTES = 64 * 1024;
const TAIL_FILES = 3;

/**
 * Appends samples to their UTC day file, never rewriting a byte: a file whose last line was torn by
 * a crash gets its missing newline first, so the next sample starts on its own line instead of
 * being glued to (and lost with) the torn one. Callers serialise calls.
 */
export class HistoryAppender {
  /** `at` of the newest stored sample: debounce survives a restart. */
  lastAt?: number;

  constructor(
    private readonly fs: FsPort,
    private readonly paths: DatastorePaths,
    private readonly catalogue: HistoryCatalogue,
  ) {}

  /** Appends one (already normalised) sample; returns the day file written. */
  async append(sample: HistorySampleRecord): Promise<DayFile> {
    const day = dayOfAt(sample.at);
    const name = fileNameOfDay(day);
    const path = this.paths.historyDay(day);
    await this.catalogue.settled(name);
    const preSize = await this.size(path);
    const prefix = (await this.endsTorn(path, preSize)) ? '\n' : '';
    const line = encodeSample(sample);
    const text = `${prefix}${line}\n`;
    const options = { encoding: 'utf8', flag: APPEND_NOFOLLOW } as const;
    await this.fs.appendFile(path, text, options).catch(async (error: unknown) => {
      if (errorCode(error) === 'ELOOP') throw new SymlinkRefusedError(path);
      // history/ deleted while running: recreate it and write again, once.
      if (errorCode(error) !== 'ENOENT') throw error;
      await this.paths.ensureSection('history');
      await this.fs.appendFile(path, text, options);
    });
    this.lastAt = sample.at;
    const stat = await this.fs.lstat(path);
    const file: DayFile = { name, day, path, size: stat.size, mtimeMs: stat.mtimeMs };
    if (stat.size === preSize + Buffer.byteLength(text)) this.catalogue.noteAppend(file, preSize, preSize + prefix.length, line);
    else this.catalogue.forget(name); // someone else wrote too: reindex from disk
    return file;
  }

  /** Adds the missing newline of a torn last line; true when the file needed it. */
  async repairTail(path: string): Promise<boolean> {
    if (!(await this.endsTorn(path, await this.size(path)))) return false;
    await this.fs.appendFile(path, '\n', { encoding: 'utf8', flag: APPEND_NOFOLLOW });
    return true;
  }

  /** Finds the newest stored sample in the last few day files (`files` oldest first). */
  async loadLastAt(files: readonly DayFile[]): Promise<void> {
    for (const file of files.slice(-TAIL_FILES).reverse()) {
      const at = await this.lastValidAt(file);
      if (at !== undefined) {
        this.lastAt = at;
        return;
      }
    }
  }

  private async lastValidAt(file: DayFile): Promise<number | undefined> {
    const length = Math.min(file.size, TAIL_BYTES);
    if (length === 0) return undefined;
    const handle = await this.fs.open(file.path, READ_NOFOLLOW);
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, file.size - length);
      const lines = buffer.toString('utf8', 0, bytesRead).split('\n');
      for (let i = lines.length - 1; i >= 0; i--) {
        const sample = decodeSampleLine(lines[i]);
        if (sample) return sample.at;
      }
      return undefined;
    } finally {
      await handle.close();
    }
  }

  // lstat: a day file that is a link is refused here, before anything is read or written through it.
  private async size(path: string): Promise<number> {
    try {
      const stat = await this.fs.lstat(path);
      if (!stat.isFile()) throw new SymlinkRefusedError(path);
      return stat.size;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return 0;
      throw error;
    }
  }

  private async endsTorn(path: string, size: number): Promise<boolean> {
    if (size === 0) return false;
    const handle = await this.fs.open(path, READ_NOFOLLOW);
    try {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last[0] !== NEWLINE;
    } finally {
      await handle.close();
    }
  }
}
