import { writeBytes, writeCenti, writeUint } from '../read/ascii.js';
import { METRIC_FIELDS, PROCESS_KEY_BYTES } from '../sample-layout.js';
import { CanonicalLineScanner, fieldsOfSample, LineFields } from './canonical-line.scanner.js';
import { decodeSampleLine } from '../write/history-line.codec.js';
import type { NameTable } from './name-table.js';
import { SAMPLE_HEAD_BYTES, writeSampleHead } from '../read/sample-bytes.js';

type Grown = Float64Array | Uint32Array | Int32Array | Uint8Array;
const METRICS = METRIC_FIELDS.length;
/** The engine stores its top 5 processes per sample; room for them up front spares the regrowth. */
const PROCESSES_PER_LINE_GUESS = 5;

function grow<T extends Grown>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  next.set(array);
  return next;
}

const [NAME, PID, CPU, MEM, IMPACT] = PROCESS_KEY_BYTES;
const [COMMA, CLOSE_OBJECT, CLOSE_ARRAY] = [0x2c, 0x7d, 0x5d];
/** Bytes a number can take at most (String(double) is at most 24 characters). */
const NUMBER_BYTES = 24;

// Indexing is synchronous from scan to push, so one scanner and one scratch record serve every file.
const scanner = new CanonicalLineScanner();
const fields = new LineFields();
let scratch = Buffer.alloc(4096);

/**
 * The index of one day file, as columns: per valid line its `at`, byte range and metrics, and for
 * "canonical" lines (exactly what this engine writes) the top processes too, compactly (~150 bytes
 * per sample instead of ~600 of JSON), so sparse answers are rebuilt from memory without touching
 * the disk. Other valid lines (e.g. Python-style `35.0`) are re-read from their byte range.
 * Malformed lines are never indexed, so every reader skips them the same way.
 */
export class DayColumns {
  count = 0;
  /** Bytes of the file this index covers; a different file size means it is stale. */
  indexedBytes = 0;
  mtimeMs = 0;
  /** Lines skipped for being over the length cap (MAX_LINE_BYTES): malformed, never held. */
  oversizedLines = 0;
  /** Bytes at the start of the file left unread (a file over MAX_DAY_FILE_BYTES); own appends after them are indexed. */
  unreadBytes = 0;
  /** Lines appear in `at` order (the normal case), so ranges are found by binary search. */
  sorted = true;
  at = new Float64Array(0);
  /** METRIC_FIELDS per line, NaN for null; read directly by aggregation. */
  metrics = new Float64Array(0);
  private start = new Float64Array(0);
  private length = new Uint32Array(0);
  private canonical = new Uint8Array(0);
  private procFirst = new Uint32Array(0);
  private procCount = new Uint8Array(0);
  private procTotal = 0;
  private procName = new Uint32Array(0);
  private procPid = new Uint32Array(0);
  private procCenti = new Int32Array(0);

  constructor(
    readonly path: string,
    private readonly names: NameTable,
    expectedLines = 64,
  ) {
    this.reserve(expectedLines);
    const procs = expectedLines * PROCESSES_PER_LINE_GUESS;
    [this.procName, this.procPid, this.procCenti] = [new Uint32Array(procs), new Uint32Array(procs), new Int32Array(procs * 3)];
  }

  /** Indexes the line `buf[from, to)` found at file offset `offset`; false when it is malformed. */
  addBytes(buf: Buffer, from: number, to: number, offset: number): boolean {
    if (scanner.scan(buf, from, to, fields)) {
      this.push(fields, offset, to - from, true);
      return true;
    }
    return this.addText(buf.toString('utf8', from, to), offset, to - from);
  }

  /** Indexes one line of text (the general path: JSON.parse, then a round-trip check). */
  addText(text: string, offset: number, byteLength: number): boolean {
    const sample = decodeSampleLine(text);
    if (!sample) return false;
    const fits = fieldsOfSample(sample, fields);
    const procMark = this.procTotal;
    const i = this.push(fields, offset, byteLength, fits);
    if (fits && this.encode(i) !== text) {
      this.canonical[i] = 0;
      this.procTotal = procMark; // a non-canonical line keeps no processes in memory
    }
    return true;
  }

  isCanonical(i: number): boolean {
    return this.canonical[i] === 1;
  }

  lineStart(i: number): number {
    return this.start[i];
  }

  lineLength(i: number): number {
    return this.length[i];
  }

  /** First line with at ≥ fromSec and first line with at > toSec (sorted files only). */
  bounds(fromSec: number, toSec: number): [number, number] {
    return [this.search(fromSec, false), this.search(toSec, true)];
  }

  /** First line in [lo, hi) with at ≥ atSec (or > atSec when `after`), for sorted runs. */
  search(atSec: number, after: boolean, lo = 0, hi = this.count): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (after ? this.at[mid] > atSec : this.at[mid] >= atSec) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The stored line of a canonical sample, rebuilt from the columns. */
  encode(i: number): string {
    const bound = SAMPLE_HEAD_BYTES + this.procCount[i] * (4 * NUMBER_BYTES + 64) + this.nameBytes(i);
    if (scratch.length < bound) scratch = Buffer.alloc(bound * 2);
    return scratch.toString('utf8', 0, this.encodeInto(i, scratch, 0));
  }

  /** Writes the line of a canonical sample (exactly `lineLength(i)` bytes) at `pos`; returns the end. */
  encodeInto(i: number, out: Buffer, pos: number): number {
    pos = this.encodeProcessesInto(i, out, writeSampleHead(out, pos, this.at[i], this.metrics, i * METRICS));
    out[pos] = CLOSE_OBJECT;
    return pos + 1;
  }

  /** Writes the `top_processes` array of a canonical sample (never longer than its line); returns the end. */
  encodeProcessesInto(i: number, out: Buffer, pos: number): number {
    out[pos++] = 0x5b;
    const first = this.procFirst[i];
    for (let p = first; p < first + this.procCount[i]; p++) {
      if (p > first) out[pos++] = COMMA;
      pos = writeBytes(out, writeBytes(out, pos, NAME), this.names.bytes(this.procName[p]));
      pos = writeUint(out, writeBytes(out, pos, PID), this.procPid[p]);
      pos = writeCenti(out, writeBytes(out, pos, CPU), this.procCenti[p * 3]);
      pos = writeCenti(out, writeBytes(out, pos, MEM), this.procCenti[p * 3 + 1]);
      pos = writeCenti(out, writeBytes(out, pos, IMPACT), this.procCenti[p * 3 + 2]);
      out[pos++] = CLOSE_OBJECT;
    }
    out[pos] = CLOSE_ARRAY;
    return pos + 1;
  }

  /** Bytes the columns hold (their capacity, spare room included). */
  get byteSize(): number {
    const arrays = [
      this.at,
      this.metrics,
      this.start,
      this.length,
      this.canonical,
      this.procFirst,
      this.procCount,
      this.procName,
      this.procPid,
      this.procCenti,
    ];
    return arrays.reduce((sum, array) => sum + array.byteLength, 0);
  }

  /**
   * Drops the spare room that growing by doubling leaves, once a file is fully indexed: about 5 MB
   * of a 30-day archive's 20 MB of columns (docs/performance.md). A later append grows them again.
   */
  compact(): void {
    const [lines, procs] = [this.count, this.procTotal];
    [this.at, this.start, this.length] = [this.at.slice(0, lines), this.start.slice(0, lines), this.length.slice(0, lines)];
    this.metrics = this.metrics.slice(0, lines * METRICS);
    [this.canonical, this.procFirst, this.procCount] = [this.canonical.slice(0, lines), this.procFirst.slice(0, lines), this.procCount.slice(0, lines)];
    [this.procName, this.procPid, this.procCenti] = [this.procName.slice(0, procs), this.procPid.slice(0, procs), this.procCenti.slice(0, procs * 3)];
  }

  private nameBytes(i: number): number {
    let total = 0;
    for (let p = this.procFirst[i]; p < this.procFirst[i] + this.procCount[i]; p++) total += this.names.bytes(this.procName[p]).length;
    return total;
  }

  private push(line: LineFields, offset: number, byteLength: number, withProcesses: boolean): number {
    const i = this.count++;
    if (this.count > this.at.length) this.reserve(this.count);
    if (i > 0 && line.at < this.at[i - 1]) this.sorted = false;
    this.at[i] = line.at;
    this.start[i] = offset;
    this.length[i] = byteLength;
    this.metrics.set(line.metrics, i * METRICS);
    this.canonical[i] = withProcesses ? 1 : 0;
    this.procFirst[i] = this.procTotal;
    this.procCount[i] = withProcesses ? line.processCount : 0;
    if (!withProcesses) return i;
    const needed = this.procTotal + line.processCount;
    if (needed > this.procName.length) {
      [this.procName, this.procPid, this.procCenti] = [grow(this.procName, needed), grow(this.procPid, needed), grow(this.procCenti, needed * 3)];
    }
    for (let p = 0; p < line.processCount; p++) {
      this.procName[this.procTotal + p] = this.names.idOf(line.names[p]);
      this.procPid[this.procTotal + p] = line.pids[p];
    }
    this.procCenti.set(line.centi.subarray(0, line.processCount * 3), this.procTotal * 3);
    this.procTotal = needed;
    return i;
  }

  private reserve(lines: number): void {
    [this.at, this.start, this.length] = [grow(this.at, lines), grow(this.start, lines), grow(this.length, lines)];
    this.metrics = grow(this.metrics, lines * METRICS);
    [this.canonical, this.procFirst, this.procCount] = [grow(this.canonical, lines), grow(this.procFirst, lines), grow(this.procCount, lines)];
  }
}
