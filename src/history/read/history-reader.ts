import type { FsPort } from '../../storage/fs.port.js';
import type { DayColumns } from '../index/day-columns.js';
import type { DayFile, HistoryCatalogue } from '../index/history-catalogue.js';
import { dayStartSec } from '../write/history-line.codec.js';
import { aggregate, downsample, pickRange, resolveQuery, takeLast, type HistoryQuery } from './history-query.js';
import { DEFAULT_TUNING, HistorySelection, type SelectionTuning } from './history-selection.js';
import { summarize, type HistorySummaryRecord, type SummarySettings } from './history-summary.js';

const DAY_SEC = 86_400;

export interface HistoryAnswer {
  selection: HistorySelection;
  summary: HistorySummaryRecord;
}

/**
 * Answers queries from the per-day indexes: the cost follows the samples returned, not the archive.
 * An index that is still being built (right after a start) is awaited, so answers are always complete.
 */
export class HistoryReader {
  constructor(
    private readonly fs: FsPort,
    private readonly catalogue: HistoryCatalogue,
    private readonly settings: SummarySettings,
    private readonly tuning: SelectionTuning = DEFAULT_TUNING,
  ) {}

  async select(query: HistoryQuery, nowSec: number): Promise<HistoryAnswer> {
    const { fromSec, toSec, granularitySec, limit, agg } = resolveQuery(query, nowSec);
    const { files, columns } = await this.indexed();
    // A day file holds the samples of its UTC day (SPEC §6): only overlapping days are read.
    const inRange = columns.filter((_, k) => dayStartSec(files[k].day) <= toSec && dayStartSec(files[k].day) + DAY_SEC > fromSec);
    const picks = pickRange(
      inRange.filter((c): c is DayColumns => !!c),
      fromSec,
      toSec,
    );
    const summary = summarize(this.settings, files, columns);
    if (agg !== 'first' && granularitySec > 0) {
      const buckets = aggregate(picks, granularitySec, agg);
      return { selection: new HistorySelection(this.fs, [], limit === undefined ? buckets : buckets.slice(-limit), this.tuning), summary };
    }
    return { selection: new HistorySelection(this.fs, takeLast(downsample(picks, granularitySec), limit), undefined, this.tuning), summary };
  }

  async summary(): Promise<HistorySummaryRecord> {
    const { files, columns } = await this.indexed();
    return summarize(this.settings, files, columns);
  }

  private async indexed(): Promise<{ files: DayFile[]; columns: (DayColumns | undefined)[] }> {
    const files = await this.catalogue.refresh();
    return { files, columns: await Promise.all(files.map((file) => this.catalogue.columns(file))) };
  }
}
