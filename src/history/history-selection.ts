import type { FileHandle } from 'node:fs/promises';
import type { FsPort } from '../storage/fs.port.js';
import type { DayColumns } from './day-columns.js';
import { decodeSampleLine, type HistorySampleRecord } from './history-line.codec.js';
import { countOf, type Bucket, type Segment } from './history-query.js';
import { readLineTexts, type LineRef } from './line-reader.js';
import { SAMPLE_HEAD_BYTES, writeSampleHead } from './sample-bytes.js';

/** Samples per produced chunk (~1.2 MB of JSON): memory follows the chunk, never the whole answer. */
const CHUNK_LINES = 2000;
/** Picks at most this many lines apart are served by one read of the byte range covering them. */
const MAX_SKIP_LINES = 4;
/** Below this many picks a range read costs more than rebuilding the lines from memory. */
const DISK_MIN_LINES = 8;
const [COMMA, CLOSE_OBJECT] = [0x2c, 0x7d];

interface Group {
  columns: DayColumns;
  lines: number[];
}

/**
 * A query's answer, produced lazily as JSON in chunks. Dense runs of lines are copied from the day
 * file byte for byte (one read per run, newlines turned into commas); sparse picks are rebuilt from
 * the in-memory index; lines the index cannot rebuild are re-read and re-encoded.
 */
export class HistorySelection {
  constructor(
    private readonly fs: FsPort,
    private readonly segments: Segment[] = [],
    private readonly buckets?: Bucket[],
  ) {}

  get count(): number {
    return this.buckets ? this.buckets.length : countOf(this.segments);
  }

  /** The samples as JSON texts joined by commas, one chunk at a time, ascending by `at`. */
  async *jsonChunks(): AsyncGenerator<Buffer> {
    if (this.buckets) {
      for (let k = 0; k < this.buckets.length; k += CHUNK_LINES) yield await this.bucketChunk(this.buckets.slice(k, k + CHUNK_LINES));
      return;
    }
    let handle: { path: string; file: FileHandle } | undefined;
    try {
      for (const group of this.groups()) {
        if (group.lines.length < DISK_MIN_LINES) {
          yield await this.memoryChunk(group);
          continue;
        }
        if (handle?.path !== group.columns.path) {
          await handle?.file.close();
          handle = { path: group.columns.path, file: await this.fs.open(group.columns.path, 'r') };
        }
        yield await this.diskChunk(group, handle.file);
      }
    } finally {
      await handle?.file.close();
    }
  }

  /** The samples as objects, exactly as a client parses the JSON body. */
  async *sampleBatches(): AsyncGenerator<HistorySampleRecord[]> {
    for await (const chunk of this.jsonChunks()) if (chunk.length > 0) yield JSON.parse(`[${chunk.toString('utf8')}]`) as HistorySampleRecord[];
  }

  private *groups(): Generator<Group> {
    let group: Group | undefined;
    for (const { columns, lo, hi } of this.segments) {
      for (let i = lo; i < hi; i++) {
        const previous = group?.lines[group.lines.length - 1];
        if (!group || group.columns !== columns || i - previous! > MAX_SKIP_LINES || group.lines.length >= CHUNK_LINES) {
          if (group) yield group;
          group = { columns, lines: [] };
        }
        group.lines.push(i);
      }
    }
    if (group) yield group;
  }

  private async diskChunk({ columns, lines }: Group, file: FileHandle): Promise<Buffer> {
    const base = columns.lineStart(lines[0]);
    const last = lines[lines.length - 1];
    const buffer = Buffer.allocUnsafe(columns.lineStart(last) + columns.lineLength(last) - base);
    const { bytesRead } = await file.read(buffer, 0, buffer.length, base);
    if (bytesRead !== buffer.length) throw new Error(`read ${columns.path}: the file shrank while it was being read`);
    const parts: Buffer[] = [];
    let from = -1;
    let to = -1;
    for (const i of lines) {
      const start = columns.lineStart(i) - base;
      const end = start + columns.lineLength(i);
      if (!columns.isCanonical(i)) {
        if (from >= 0) parts.push(buffer.subarray(from, to));
        from = -1;
        const json = reencode(buffer.toString('utf8', start, end));
        if (json) parts.push(json);
        continue;
      }
      // The next line right after a newline: turn the newline into the comma and extend the run.
      if (from >= 0 && start === to + 1) {
        buffer[to] = COMMA;
        to = end;
        continue;
      }
      if (from >= 0) parts.push(buffer.subarray(from, to));
      [from, to] = [start, end];
    }
    if (from >= 0) parts.push(buffer.subarray(from, to));
    return joinWithCommas(parts);
  }

  // Canonical lines are written straight into one buffer of their known total size.
  private async memoryChunk({ columns, lines }: Group): Promise<Buffer> {
    const slow = lines.filter((i) => !columns.isCanonical(i));
    const texts = await readLineTexts(this.fs, slow.map((line) => ({ columns, line })));
    const reread = new Map(slow.map((line, j) => [line, reencode(texts[j])]));
    const kept = lines.filter((i) => columns.isCanonical(i) || reread.get(i));
    const size = kept.reduce((n, i) => n + 1 + (reread.get(i)?.length ?? columns.lineLength(i)), -1);
    const out = Buffer.allocUnsafe(Math.max(0, size));
    let pos = 0;
    for (const i of kept) {
      if (pos > 0) out[pos++] = COMMA;
      const text = reread.get(i);
      const end = text ? pos + text.copy(out, pos) : columns.encodeInto(i, out, pos);
      if (end - pos !== (text?.length ?? columns.lineLength(i))) throw new Error(`rebuild ${columns.path} line ${i}: length mismatch`);
      pos = end;
    }
    return out;
  }

  // Bucket heads are written from the aggregated metrics, the processes from the representative line.
  private async bucketChunk(buckets: Bucket[]): Promise<Buffer> {
    const slow: LineRef[] = buckets.filter((b) => !b.columns.isCanonical(b.line));
    const texts = await readLineTexts(this.fs, slow);
    const processes = new Map(slow.map((ref, j) => [ref, Buffer.from(JSON.stringify(processesOf(decodeSampleLine(texts[j]))))]));
    const bound = buckets.reduce((n, b) => n + SAMPLE_HEAD_BYTES + 2 + (processes.get(b)?.length ?? b.columns.lineLength(b.line)), 0);
    const out = Buffer.allocUnsafe(bound);
    let pos = 0;
    for (const b of buckets) {
      if (pos > 0) out[pos++] = COMMA;
      pos = writeSampleHead(out, pos, b.at, b.metrics, 0);
      const json = processes.get(b);
      pos = json ? pos + json.copy(out, pos) : b.columns.encodeProcessesInto(b.line, out, pos);
      out[pos++] = CLOSE_OBJECT;
    }
    return out.subarray(0, pos);
  }
}

function reencode(text: string): Buffer | undefined {
  const sample = decodeSampleLine(text);
  return sample && Buffer.from(JSON.stringify(sample));
}

function processesOf(sample: HistorySampleRecord | undefined): unknown[] {
  return Array.isArray(sample?.top_processes) ? sample.top_processes : [];
}

function joinWithCommas(parts: Buffer[]): Buffer {
  if (parts.length === 1) return parts[0];
  const comma = Buffer.from(',');
  return Buffer.concat(parts.flatMap((part, k) => (k === 0 ? [part] : [comma, part])));
}
