import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ClockWatch } from '../common/clock-watch.js';
import { storageUnavailable } from '../common/sentra-core.error.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { DatastorePaths } from '../storage/datastore-paths.js';
import { errorCode, FS_PORT, type FsPort } from '../storage/fs.port.js';
import { StorageHealth } from '../storage/storage-health.js';
import { FailureReporter } from './write/failure-reporter.js';
import { HistoryAppender } from './write/history-appender.js';
import { BodyCache } from './read/body-cache.js';
import { gzipFast, GZIP_ABOVE_BYTES, historyBody, historyBuffer, type HistoryHttpBody, STREAM_ABOVE_SAMPLES } from './read/history-body.js';
import { HistoryCatalogue } from './index/history-catalogue.js';
import { dayOfAt, normalizeSample, type HistorySampleRecord } from './write/history-line.codec.js';
import type { HistoryQuery } from './read/history-query.js';
import { HistoryReader, type HistoryAnswer } from './read/history-reader.js';
import { filesToPrune, futureFilesToPrune, lastCurrentDay, type PruneResult } from './retention/history-retention.js';
import type { HistorySummaryRecord } from './read/history-summary.js';
import { holdWhileOpen, ReadGate } from './read/read-gate.js';
import type { SkippedDayFile } from './index/history-catalogue.js';
import { clearNotRun, pruneNotRun, refuseLinkedFolder } from './retention/delete-guard.js';
import { SymlinkRefusedError } from '../storage/no-follow.js';
import { Readable } from 'node:stream';

/** How long DELETE /history waits for reads in progress before it answers 409 (and deletes nothing). */
export const CLEAR_WAIT_MS = 10_000;
/** The longest a streamed GET /history may take (a 30-day raw answer is ~50 MB: seconds on loopback). */
const STREAM_LEASE_MAX_MS = 5 * 60_000;
/** Retention is never urgent: it waits this long for reads, else it runs at its next turn. */
const PRUNE_WAIT_MS = 30_000;

/**
 * The history archive of SPEC §6: append (debounced, crash-tolerant), query, summary, retention, clear.
 * Writes are serialised through one queue; reads run beside them on the per-day indexes.
 */
@Injectable()
export class HistoryStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(HistoryStore.name);
  private readonly appendFailures = new FailureReporter(this.logger, 'history sample not stored');
  private readonly catalogue: HistoryCatalogue;
  private readonly appender: HistoryAppender;
  private readonly reader: HistoryReader;
  private readonly bodies = new BodyCache();
  /** Reads exclude deletes: see ReadGate for the rule. */
  private readonly gate = new ReadGate();
  private readonly historyDir: string;
  private writes: Promise<unknown> = Promise.resolve();
  private ready: Promise<void> = Promise.resolve();
  private indexing: Promise<void> = Promise.resolve();
  private lastDay?: string;
  private stopping = false;
  /** A prune was skipped because the clock jumped: run it once the clock is stable. */
  private pruneHeld = false;

  constructor(
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    private readonly clock: ClockWatch,
    @Inject(FS_PORT) private readonly fs: FsPort,
    paths: DatastorePaths,
    private readonly health: StorageHealth,
  ) {
    this.historyDir = paths.historyDir();
    this.catalogue = new HistoryCatalogue(fs, paths.historyDir(), undefined, () => lastCurrentDay(clock.nowMs()));
    this.appender = new HistoryAppender(fs, paths, this.catalogue);
    const { retentionDays, sampleIntervalSec } = options.history;
    this.reader = new HistoryReader(fs, this.catalogue, { directory: paths.historyDir(), retentionDays, sampleIntervalSec });
  }

  /** Repairs torn tails and finds the last stored sample (fast), then indexes in the background. */
  async onApplicationBootstrap(): Promise<void> {
    this.ready = this.exclusive(() => this.prepare()).catch((error: unknown) => {
      this.logger.warn({ message: `prepare history archive: ${String(error)}` });
    });
    await this.ready;
    this.indexing = this.indexInBackground();
  }

  /** At a stop (EngineLifecycle): waits for queued writes and ends the background indexing. */
  async flush(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([this.indexing, this.writes]);
  }

  /**
   * Stores one sample unless it comes within `sampleIntervalSec` of the last stored one.
   * Resolves true when written, false when debounced or failed; never throws into the caller's cycle,
   * and a failure is logged at warn and reported to StorageHealth, never swallowed.
   */
  append(sample: HistorySampleRecord): Promise<boolean> {
    return this.exclusive(async () => {
      await this.ready;
      const record = normalizeSample(sample);
      if (!Number.isFinite(record.at)) throw new Error(`sample "at" is not a finite number: ${String(sample.at)}`);
      if (!this.isDue(record.at)) return false;
      const file = await this.appender.append(record);
      this.health.recordSuccess();
      this.appendFailures.succeeded();
      if ((this.lastDay !== undefined && file.day !== this.lastDay) || (this.pruneHeld && this.clock.stable())) this.pruneSoon();
      this.lastDay = file.day;
      return true;
    }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      this.appendFailures.failed(reason, this.clock.monotonicMs(), { at: sample?.at });
      // A day file that is a link is refused on purpose (and reported in health), not a storage failure.
      if (!(error instanceof SymlinkRefusedError)) this.health.recordFailure('append history sample', error);
      return false;
    });
  }

  /**
   * GET /history: the JSON body as bytes, or as a stream for large answers; gzipped when the client
   * accepts it and the answer is a cacheable buffer (compressed once per window, then shared).
   */
  async queryBody(query: HistoryQuery, acceptsGzip = false): Promise<HistoryHttpBody> {
    await this.ready;
    const release = await this.gate.enterRead();
    let answer: HistoryHttpBody;
    try {
      answer = await this.buildBody(query, acceptsGzip);
    } catch (error) {
      release();
      throw error;
    }
    // A streamed body holds the gate until its last byte, or until the client going away closes it.
    if (answer.body instanceof Readable) holdWhileOpen(answer.body, release, STREAM_LEASE_MAX_MS);
    else release();
    return answer;
  }

  /** Runs a read (an export) that excludes deletes from its first selection to its last byte. */
  async reading<T>(work: () => Promise<T>): Promise<T> {
    await this.ready;
    const release = await this.gate.enterRead();
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Day files not served (links, files without a valid line, over-long lines), as of the last refresh. */
  async skippedFiles(): Promise<SkippedDayFile[]> {
    await this.catalogue.refresh().catch(() => undefined);
    return this.catalogue.skipped();
  }

  private async buildBody(query: HistoryQuery, acceptsGzip: boolean): Promise<HistoryHttpBody> {
    const { selection, summary } = await this.reader.select(query, this.clock.nowMs() / 1000);
    const segments = selection.count <= STREAM_ABOVE_SAMPLES ? selection.lineSegments : undefined;
    const key = segments && this.bodies.key(segments, summary);
    if (!key) return { body: await historyBody(selection, summary), gzipped: false };
    const plain = await this.bodies.getOrCreate(key, () => historyBuffer(selection, summary));
    if (!acceptsGzip || plain.length < GZIP_ABOVE_BYTES) return { body: plain, gzipped: false };
    return { body: await this.bodies.getOrCreate(`${key}|gzip`, () => gzipFast(plain)), gzipped: true };
  }

  /** The samples of a query as objects (in-process callers and exports). */
  async query(query: HistoryQuery): Promise<HistorySampleRecord[]> {
    return this.reading(async () => {
      const { selection } = await this.reader.select(query, this.clock.nowMs() / 1000);
      const samples: HistorySampleRecord[] = [];
      for await (const batch of selection.sampleBatches()) samples.push(...batch);
      return samples;
    });
  }

  /** A query's lazily materialised result, for streaming consumers such as exports (inside `reading`). */
  async select(query: HistoryQuery): Promise<HistoryAnswer> {
    await this.ready;
    return this.reader.select(query, this.clock.nowMs() / 1000);
  }

  async summary(): Promise<HistorySummaryRecord> {
    await this.ready;
    return this.reader.summary();
  }

  /**
   * Retention: deletes day files older than `retentionDays`, then the oldest days past `maxBytes`, then
   * future-dated files this run's clock had reached or that are clearly bogus (futureFilesToPrune).
   * Never on the strength of a clock jump: while one is less than an hour old, nothing is deleted.
   */
  prune(): Promise<PruneResult> {
    return this.deleting(PRUNE_WAIT_MS, async () => {
      const result: PruneResult = { files_removed: 0, bytes_freed: 0, files: [] };
      if (!this.clock.stable()) {
        this.pruneHeld = true;
        this.logger.warn({ message: 'history retention held: the system clock jumped less than an hour ago', lastJump: this.clock.lastJump });
        return result;
      }
      this.pruneHeld = false;
      const { retentionDays, maxBytes } = this.options.history;
      const nowMs = this.clock.nowMs();
      const victims = [
        ...filesToPrune(await this.catalogue.refresh(), nowMs, retentionDays, maxBytes),
        ...futureFilesToPrune(this.catalogue.futureFiles(), nowMs, this.clock.peakWallMs),
      ];
      for (const file of victims) {
        if (!(await this.remove(file.path))) continue;
        this.catalogue.forget(file.name);
        result.files_removed++;
        result.bytes_freed += file.size;
        result.files.push(file.name);
      }
      if (result.files_removed > 0) this.logger.log({ message: 'history retention removed old days', ...result });
      return result;
    }).catch((error: unknown) => pruneNotRun(this.logger, error));
  }

  /** Deletes every `samples-*.jsonl` file and nothing else; the next sample is stored at once. */
  clear(): Promise<number> {
    return this.deleting(CLEAR_WAIT_MS, async () => {
      let removed = 0;
      try {
        for (const file of await this.catalogue.refresh()) if (await this.remove(file.path)) removed++;
      } catch (error) {
        // Some files may be gone: drop the indexes (rebuilt from disk) but keep the debounce, as nothing was cleared.
        this.catalogue.forget();
        this.health.recordFailure('delete history', error, this.historyDir);
        throw storageUnavailable(`delete history (${removed} files removed before the failure)`, error);
      }
      this.health.recordSuccess(this.historyDir);
      this.catalogue.forget();
      this.appender.lastAt = undefined;
      this.logger.log({ message: 'history cleared', filesRemoved: removed });
      return removed;
    }).catch(clearNotRun);
  }

  /**
   * Whether a sample taken at `atSec` would be stored (the debounce), so a caller can skip building it.
   * Due when the spacing is reached within half a collection interval: cycles tick a few ms early or
   * late, so 1 s / 1 s stores every cycle and 30 s / 2 s every 15th, not every 16th.
   * A clock that jumped back by more than an interval starts recording again at once.
   */
  isDue(atSec: number): boolean {
    const last = this.appender.lastAt;
    const interval = this.options.history.sampleIntervalSec;
    const slack = this.options.sampling.collectionIntervalSec / 2;
    return last === undefined || atSec - last >= interval - slack || atSec <= last - interval;
  }

  /** GET /storage/info: day files dated after tomorrow, left out of every read, and whether retention is held. */
  futureHistory(): { files: string[]; total_bytes: number; retention_held: boolean } {
    const future = this.catalogue.futureFiles();
    return { files: future.map((f) => f.name), total_bytes: future.reduce((sum, f) => sum + f.size, 0), retention_held: !this.clock.stable() };
  }

  private pruneSoon(): void {
    this.prune().catch((error: unknown) => this.logger.warn({ message: `history retention at day rollover: ${String(error)}` }));
  }

  private async prepare(): Promise<void> {
    let files = await this.catalogue.refresh();
    // Only the newest day was being written when a crash tore a line; any other file gets checked
    // before an append reaches it, and readers skip a torn line wherever it is.
    const newest = files[files.length - 1];
    if (newest && (await this.appender.repairTail(newest.path))) {
      this.logger.warn({ message: 'repaired the last history line, torn by a crash', file: newest.name });
      files = await this.catalogue.refresh();
    }
    await this.appender.loadLastAt(files);
    if (this.appender.lastAt !== undefined) this.lastDay = dayOfAt(this.appender.lastAt);
  }

  // Newest days first: they are what the dashboard asks for right after a start. A file that cannot
  // be indexed now is left to the next query that needs it.
  private async indexInBackground(): Promise<void> {
    const started = performance.now();
    const files = await this.catalogue.refresh().catch(() => []);
    for (const file of [...files].reverse()) {
      if (this.stopping) return;
      await this.catalogue.columns(file).catch((error: unknown) => this.logger.warn({ message: `index ${file.name}: ${String(error)}` }));
    }
    this.logger.log({ message: 'history indexed', files: files.length, durationMs: Math.round(performance.now() - started) });
  }

  private async remove(path: string): Promise<boolean> {
    try {
      await this.fs.unlink(path);
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }

  /**
   * A delete: refused when history/ is a symbolic link (deleting through it would delete the link's
   * target folder's files), then run with no read in progress and after the queued writes.
   */
  private deleting<T>(waitMs: number, work: () => Promise<T>): Promise<T> {
    return this.gate.exclusive(
      () =>
        this.exclusive(async () => {
          await refuseLinkedFolder(this.fs, this.historyDir);
          return work();
        }),
      waitMs,
    );
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writes.catch(() => undefined).then(work);
    this.writes = next.catch(() => undefined);
    return next;
  }
}
