import { errorCode, type FsPort } from '../../storage/fs.port.js';
import { buildDayIndex, MAX_LINE_BYTES } from './day-index.builder.js';
import { DayColumns } from './day-columns.js';
import { syncDayFileProbe, type DayFile, type DayFileProbe } from './day-file.probe.js';
import { NameTable } from './name-table.js';

export type { DayFile } from './day-file.probe.js';

/** A day file the archive does not serve, and why (GET /health, GET /storage/info). */
export interface SkippedDayFile {
  name: string;
  reason: string;
}

interface Entry {
  file: DayFile;
  columns?: DayColumns;
}

/**
 * A day file larger than this is not read: ten times a day of samples every second with long process
 * lists. Reading a hostile 1 GiB file costs seconds of I/O on a busy machine even streamed, and
 * appends to today's file wait for its index.
 */
export const MAX_DAY_FILE_BYTES = 512 * 1024 * 1024;

const fresh = (columns: DayColumns | undefined, file: DayFile): columns is DayColumns =>
  !!columns && columns.indexedBytes === file.size && columns.mtimeMs === file.mtimeMs;

/**
 * The day files of history/ and their indexes. Every reader first `refresh()`es (readdir + stat),
 * and an index whose file size or mtime no longer matches is dropped and rebuilt: files changed
 * underneath the engine are never served from a stale index. Own appends extend an index in place.
 */
export class HistoryCatalogue {
  private readonly entries = new Map<string, Entry>();
  private readonly builds = new Map<string, Promise<DayColumns | undefined>>();
  private readonly names = new NameTable();
  private links: string[] = [];

  /**
   * `lastDay()`: the newest day served (tomorrow by the wall clock); later, future-dated files are left
   * out of every read and listed only by `futureFiles()` (GET /storage/info, retention).
   */
  constructor(
    private readonly fs: FsPort,
    private readonly dir: string,
    private readonly probe: DayFileProbe = syncDayFileProbe,
    private readonly lastDay: () => string = () => '9999-12-31',
  ) {}

  /** The day files up to `lastDay()`, oldest first; indexes of files that changed since are dropped. */
  async refresh(): Promise<DayFile[]> {
    const last = this.lastDay();
    const { files, links } = this.probe(this.dir, (day) => day <= last);
    this.links = links;
    const seen = new Set(files.map((f) => f.name));
    for (const name of this.entries.keys()) if (!seen.has(name)) this.entries.delete(name);
    for (const file of files) {
      const entry = this.entries.get(file.name);
      if (entry && fresh(entry.columns, file)) entry.file = file;
      else this.entries.set(file.name, { file });
    }
    return files;
  }

  /**
   * Day files not served, as of the last refresh: links (never followed), files in which no line was
   * valid, and files with lines over the length cap (those lines are skipped as malformed).
   */
  skipped(): SkippedDayFile[] {
    const out: SkippedDayFile[] = this.links.map((name) => ({ name, reason: 'not a regular file (a symbolic link?): never read, written or deleted' }));
    for (const [name, { file, columns }] of this.entries) {
      if (!columns) continue;
      if (columns.unreadBytes > 0) out.push({ name, reason: `larger than ${MAX_DAY_FILE_BYTES} bytes (no day the engine writes is): not read` });
      else if (columns.count === 0 && file.size > 0) out.push({ name, reason: 'no valid sample line' });
      else if (columns.oversizedLines > 0) out.push({ name, reason: `${columns.oversizedLines} line(s) over ${MAX_LINE_BYTES} bytes skipped` });
    }
    return out.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** The future-dated day files (after `lastDay()`), oldest first; never indexed. */
  futureFiles(): DayFile[] {
    const last = this.lastDay();
    return this.probe(this.dir, (day) => day > last).files;
  }

  /** The index of a file as of its last refresh, built (once, shared by concurrent readers) when missing. */
  async columns(file: DayFile): Promise<DayColumns | undefined> {
    const entry = this.entries.get(file.name);
    if (entry?.columns) return entry.columns;
    let build = this.builds.get(file.name);
    if (!build) {
      build = this.build(file);
      this.builds.set(file.name, build);
      const done = () => this.builds.delete(file.name);
      build.then(done, done);
    }
    return build;
  }

  /** Resolves once no index build of this file is running (appends wait, so a build never sees half a line). */
  async settled(name: string): Promise<void> {
    await this.builds.get(name)?.catch(() => undefined);
  }

  /** Records an own append of `line` at byte `lineStart`, extending the index when it was current. */
  noteAppend(file: DayFile, preSize: number, lineStart: number, line: string): void {
    const entry = this.entries.get(file.name);
    let columns = entry?.columns;
    if (preSize === 0 && !this.builds.has(file.name)) columns = new DayColumns(file.path, this.names);
    if (columns && columns.indexedBytes === preSize) {
      const bytes = Buffer.from(line);
      columns.addBytes(bytes, 0, bytes.length, lineStart);
      columns.indexedBytes = file.size;
      columns.mtimeMs = file.mtimeMs;
      this.entries.set(file.name, { file, columns });
    } else {
      this.entries.delete(file.name);
    }
  }

  /** Drops everything known about one file (deleted) or all files (cleared). */
  forget(name?: string): void {
    if (name === undefined) this.entries.clear();
    else this.entries.delete(name);
  }

  private async build(file: DayFile): Promise<DayColumns | undefined> {
    let columns: DayColumns;
    try {
      columns = file.size > MAX_DAY_FILE_BYTES ? this.unread(file) : await buildDayIndex(this.fs, file.path, this.names);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined; // deleted since the refresh
      throw error;
    }
    const entry = this.entries.get(file.name);
    // Keep the index for later readers only if it matches the file as the latest refresh saw it.
    if (entry && !entry.columns && fresh(columns, entry.file)) entry.columns = columns;
    return columns;
  }

  // An empty index covering the whole file: nothing of it is read, and own appends after it are indexed as usual.
  private unread(file: DayFile): DayColumns {
    const columns = new DayColumns(file.path, this.names);
    [columns.indexedBytes, columns.mtimeMs, columns.unreadBytes] = [file.size, file.mtimeMs, file.size];
    return columns;
  }
}
