// The history module's public types: what other modules may know of the archive (the rest of
// write/, index/, read/ and export/ is private to history/; src/architecture.spec.ts checks it).
export type { HistoryProcessRecord, HistorySampleRecord } from './write/history-line.codec.js';
export type { HistorySummaryRecord } from './read/history-summary.js';
