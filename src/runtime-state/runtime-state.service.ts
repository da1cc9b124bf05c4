import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock.js';
import type { WireObject } from '../common/wire.js';
import { AtomicJson } from '../storage/atomic-json.js';
import { DatastorePaths } from '../storage/datastore-paths.js';
import { type CheckpointContent, checkpointFileShape, emptyCheckpoint, parseCheckpoint, type RuntimeCheckpointRecord } from './runtime-checkpoint.record.js';

/**
 * The engine writes about 2–3 KB per kept alert (50) plus the last_* values, well under 1 MB; a larger
 * file was not written by it and is not parsed (it counts as unreadable: an unclean previous run).
 */
const CHECKPOINT_MAX_BYTES = 16 * 1024 * 1024;

/** SPEC §7: the runtime checkpoint, clean/unclean shutdown detection and what a warm start restores. */
@Injectable()
export class RuntimeStateService implements OnModuleInit {
  private readonly logger = new Logger(RuntimeStateService.name);
  private restoredRecord: RuntimeCheckpointRecord = emptyCheckpoint();
  private unclean = false;
  private lastWrittenAtSec: number | null = null;

  constructor(
    private readonly paths: DatastorePaths,
    private readonly json: AtomicJson,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The checkpoint as found at start (before this run wrote anything). */
  get restored(): RuntimeCheckpointRecord {
    return this.restoredRecord;
  }

  /** True when the previous run did not stop cleanly; false on a first start (no checkpoint yet). */
  get previousRunUnclean(): boolean {
    return this.unclean;
  }

  /** Unix seconds of the last checkpoint on disk (this run's, else the restored one's). */
  get lastCheckpointAt(): number | null {
    return this.lastWrittenAtSec ?? this.restoredRecord.last_checkpoint_at;
  }

  get file(): string {
    return this.paths.runtimeFile();
  }

  async onModuleInit(): Promise<void> {
    const found = await this.json.readIfPresent<unknown>(this.file, CHECKPOINT_MAX_BYTES);
    const parsed = found.usable ? parseCheckpoint(found.value) : null;
    this.restoredRecord = parsed ?? emptyCheckpoint();
    // A missing checkpoint is a first start; only a checkpoint saying "not clean", or one that cannot be read, means a crash.
    this.unclean = found.present && !parsed?.last_clean_shutdown;
    if (!found.present) this.logger.log({ message: 'first start: no runtime checkpoint yet', checkpoint: this.file });
    else if (this.unclean) this.logger.warn({ message: 'previous run did not stop cleanly', checkpoint: this.file });
  }

  /**
   * Writes a checkpoint; `clean` only on the final write of a clean stop. The engine owns the
   * content and its shape (the wire DTOs), so the file keeps their number forms (SPEC §4).
   * The engine's first write, at start, marks this run as running: a kill from then on is
   * detected at the next start.
   */
  async write(content: CheckpointContent, clean: boolean, contentShape: WireObject): Promise<void> {
    const at = this.clock.nowMs() / 1000;
    const record: RuntimeCheckpointRecord = { schema: 1, last_clean_shutdown: clean, last_checkpoint_at: at, ...content };
    await this.json.write(this.file, record, checkpointFileShape(contentShape));
    this.lastWrittenAtSec = at;
  }

  /** The restored values, for checkpoints written before the first fresh cycle. */
  restoredContent(): CheckpointContent {
    const { schema: _s, last_clean_shutdown: _c, last_checkpoint_at: _a, ...content } = this.restoredRecord;
    return content;
  }
}
