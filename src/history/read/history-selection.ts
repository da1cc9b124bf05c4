import type { FileHandle } from 'node:fs/promises';
import { toWireJson } from '../../common/wire.js';
import type { FsPort } from '../../storage/fs.port.js';
import { READ_NOFOLLOW } from '../../storage/no-follow.js';
import type { DayColumns } from '../index/day-columns.js';
import { decodeSampleLine, PROCESSES_SHAPE, sampleJson, type HistorySampleRecord } from '../write/history-line.codec.js';
import { countOf, type Bucket, type Segment } from './history-query.js';
import { readLineTexts, type LineRef } from './line-reader.js';
import { SAMPLE_HEAD_BYTES, writeSampleHead } from './sample-bytes.js';

export interface SelectionTuning {
  /**
   * Bytes per produced chunk: memory follows the chunk, never the whole answer. Kept at a size the
   * allocator recycles: fresh multi-megabyte buffers cost more in page faults than the copying itself.
   */
  chunkBytes: number;
  /** Picks at most this many lines apart are served by one read of the byte range covering them. */
  maxSkipLines: number;
  /**
   * Below this many picks, rebuilding lines from memory (~2 µs each) beats the open/read/close round
   * trips of a range read (~0.4 ms, more on a busy machine); above it, copying the file's bytes wins.
   */
  diskMinLines: number;
}

export const DEFAULT_TUNING: SelectionTuning = { chunkBytes: 256 * 1024, maxSkipLines: 4, diskMinLines: 256 };
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
    private readonly tuning = DEFAULT_TUNING,
  ) {}

  get count(): number {
    return this.buckets ? this.buckets.length : countOf(this.segments);
  }

  /** The picked lines, for answers that are copies of stored lines (undefined for aggregates). */
  get lineSegments(): readonly Segment[] | undefined {
    return this.buckets ? undefined : this.segments;
  }

  /** The samples as JSON texts joined by commas, one chunk at a time, ascending by `at`. */
  async *jsonChunks(): AsyncGenerator<Buffer> {
    if (this.buckets) {
      let batch: Bucket[] = [];
      let bytes = 0;
      for (const bucket of this.buckets) {
        batch.push(bucket);
        bytes += bucket.columns.lineLength(bucket.line);
        if (bytes < this.tuning.chunkBytes) continue;
        yield await this.bucketChunk(batch);
        [batch, bytes] = [[], 0];
      }
      if (batch.length > 0) yield await this.bucketChunk(batch);
      return;
    }
    let handle: { path: string; file: FileHandle } | undefined;
    let sparse: LineRef[] = [];
    let sparseBytes = 0;
    try {
      for (const group of this.groups()) {
        // Sparse picks (e.g. one per hour) are collected across files and rebuilt from memory together.
        if (group.lines.length < this.tuning.diskMinLines) {
          for (const line of group.lines) sparse.push({ columns: group.columns, line });
          for (const line of group.lines) sparseBytes += group.columns.lineLength(line);
          if (sparseBytes < this.tuning.chunkBytes) continue;
        }
        if (sparse.length > 0) {
          yield await this.memoryChunk(sparse);
          [sparse, sparseBytes] = [[], 0];
        }
        if (group.lines.length < this.tuning.diskMinLines) continue;
        if (handle?.path !== group.columns.path) {
          await handle?.file.close();
          handle = { path: group.columns.path, file: await this.fs.open(group.columns.path, READ_NOFOLLOW) };
        }
        yield await this.diskChunk(group, handle.file);
      }
      if (sparse.length > 0) yield await this.memoryChunk(sparse);
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
        const span = group ? columns.lineStart(i) + columns.lineLength(i) - columns.lineStart(group.lines[0]) : 0;
        // A group is a forward run through one file (lines of an out-of-order file can come back in `at` order).
        const far = !group || group.columns !== columns || i <= previous! || i - previous! > this.tuning.maxSkipLines;
        if (!group || far || span > this.tuning.chunkBytes) {
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
  private async memoryChunk(refs: LineRef[]): Promise<Buffer> {
    const slow = refs.filter((r) => !r.columns.isCanonical(r.line));
    const texts = slow.length > 0 ? await readLineTexts(this.fs, slow) : [];
    const reread = new Map(slow.map((ref, j) => [ref, reencode(texts[j])]));
    const kept = slow.length > 0 ? refs.filter((r) => r.columns.isCanonical(r.line) || reread.get(r)) : refs;
    const size = kept.reduce((n, r) => n + 1 + (reread.get(r)?.length ?? r.columns.lineLength(r.line)), -1);
    const out = Buffer.allocUnsafe(Math.max(0, size));
    let pos = 0;
    for (const ref of kept) {
      if (pos > 0) out[pos++] = COMMA;
      const text = reread.get(ref);
      const end = text ? pos + text.copy(out, pos) : ref.columns.encodeInto(ref.line, out, pos);
      if (end - pos !== (text?.length ?? ref.columns.lineLength(ref.line))) throw new Error(`rebuild ${ref.columns.path} line ${ref.line}: length mismatch`);
      pos = end;
    }
    return out;
  }

  // Bucket heads are written from the aggregated metrics, the processes from the representative line.
  private async bucketChunk(buckets: Bucket[]): Promise<Buffer> {
    const slow: LineRef[] = buckets.filter((b) => !b.columns.isCanonical(b.line));
    const texts = await readLineTexts(this.fs, slow);
    const processes = new Map(slow.map((ref, j) => [ref, Buffer.from(toWireJson(processesOf(decodeSampleLine(texts[j])), PROCESSES_SHAPE))]));
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

// A line in another form (the earlier engine's keys, `45` for a whole value) is served in the wire's.
function reencode(text: string): Buffer | undefined {
  const sample = decodeSampleLine(text);
  return sample && Buffer.from(sampleJson(sample));
}

function processesOf(sample: HistorySampleRecord | undefined): unknown[] {
  return Array.isArray(sample?.top_processes) ? sample.top_processes : [];
}

function joinWithCommas(parts: Buffer[]): Buffer {
  if (parts.length === 1) return parts[0];
  const comma = Buffer.from(',');
  return Buffer.concat(parts.flatMap((part, k) => (k === 0 ? [part] : [comma, part])));
}
