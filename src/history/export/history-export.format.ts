import { processEntries, sampleJson, type HistoryProcessRecord, type HistorySampleRecord } from '../write/history-line.codec.js';

export const CSV_HEADER = 'at,time_utc,cpu_percent,mem_percent,disk_pressure_percent,stability_score,stress_score,top_processes\n';

// RFC 4180 quoting; a cell starting like a formula gets a leading apostrophe so spreadsheets show it as text.
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Top processes as one readable cell: `chrome.exe (pid 10583): cpu 15.29%, mem 12.29%, impact 26.83; …`.
 * Entries that are not objects (a stored `null`) are left out: one bad entry never fails an export.
 */
export function processesCell(processes: readonly HistoryProcessRecord[] | undefined): string {
  return processEntries({ top_processes: processes } as HistorySampleRecord)
    .map((p) => `${p.name} (pid ${p.pid}): cpu ${p.cpu_percent}%, mem ${p.mem_percent}%, impact ${p.impact}`)
    .join('; ');
}

function isoTime(atSec: number): string {
  const date = new Date(atSec * 1000);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** One CSV row (with its newline) of a sample. */
export function csvRow(sample: HistorySampleRecord): string {
  const values = [
    sample.at,
    isoTime(sample.at),
    sample.cpu_percent,
    sample.mem_percent,
    sample.disk_pressure_percent,
    sample.stability_score,
    sample.stress_score,
    processesCell(sample.top_processes),
  ];
  return `${values.map(cell).join(',')}\n`;
}

/** One JSONL line: the sample exactly as GET /history serves it. */
export function jsonlRow(sample: HistorySampleRecord): string {
  return `${sampleJson(sample)}\n`;
}

// Basic ISO 8601 (no colons: they are not allowed in Windows file names); raw seconds outside Date's range.
function compact(sec: number): string {
  const date = new Date(Math.floor(sec) * 1000);
  return Number.isNaN(date.getTime())
    ? String(Math.floor(sec))
    : date
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
}

/** `history-<from>-<to>-at-<export time>.<ext>`: the range and the time, never a caller's path. */
export function exportFileName(fromSec: number, toSec: number, nowMs: number, ext: string): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-:.]/g, '');
  return `history-${compact(fromSec)}-${compact(toSec)}-at-${stamp}.${ext}`;
}
