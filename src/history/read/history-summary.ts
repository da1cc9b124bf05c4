import type { DayColumns } from '../index/day-columns.js';
import type { DayFile } from '../index/history-catalogue.js';

/** SPEC §6 history summary, served in GET /history and GET /storage/info. */
export interface HistorySummaryRecord {
  directory: string;
  retention_days: number;
  min_interval_sec: number;
  files: string[];
  total_bytes: number;
  total_samples: number;
}

export interface SummarySettings {
  directory: string;
  retentionDays: number;
  sampleIntervalSec: number;
}

/** The summary of the day files as just refreshed, with the valid-sample count of each one's index. */
export function summarize(settings: SummarySettings, files: DayFile[], columns: (DayColumns | undefined)[]): HistorySummaryRecord {
  return {
    directory: settings.directory,
    retention_days: settings.retentionDays,
    min_interval_sec: settings.sampleIntervalSec,
    files: files.map((f) => f.name),
    total_bytes: files.reduce((sum, f) => sum + f.size, 0),
    total_samples: columns.reduce((sum, c) => sum + (c?.count ?? 0), 0),
  };
}
