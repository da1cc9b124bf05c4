import { latin1, MAX_INDEXED_PROCESSES, METRIC_FIELDS, PROCESS_KEY_BYTES, SAMPLE_KEY_BYTES } from '../sample-layout.js';
import { metricOf, type HistorySampleRecord } from '../write/history-line.codec.js';

/** The fields of one sample line, reused from line to line so indexing allocates almost nothing. */
export class LineFields {
  at = 0;
  /** cpu, mem, disk, stability, stress; NaN for null. */
  readonly metrics = new Float64Array(METRIC_FIELDS.length);
  processCount = 0;
  readonly names: string[] = [];
  readonly pids = new Float64Array(MAX_INDEXED_PROCESSES);
  /** cpu_percent, mem_percent, impact of each process, in hundredths. */
  readonly centi = new Int32Array(MAX_INDEXED_PROCESSES * 3);
}

// The literal parts of a canonical line, from the layout table: `at` and the metrics, then the
// processes array opened, then each entry's name (quoted, so the quote ends up in the next key).
const HEAD_KEYS = SAMPLE_KEY_BYTES.slice(0, -1);
const PROCESSES = Buffer.concat([SAMPLE_KEY_BYTES[SAMPLE_KEY_BYTES.length - 1], latin1('[')]);
const NAME = Buffer.concat([PROCESS_KEY_BYTES[0], latin1('"')]);
const PROCESS_KEYS = [Buffer.concat([latin1('"'), PROCESS_KEY_BYTES[1]]), ...PROCESS_KEY_BYTES.slice(2)];
const NULL = latin1('null');
const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);
const MAX_MANTISSA = 999_999_999_999_999; // 15 digits: below 2^53, and within DBL_DIG
/** Process values are kept in an Int32Array of hundredths. */
const MAX_INDEXED_CENTI = 2 ** 31 - 1;
const [QUOTE, COMMA, DOT, MINUS, ZERO, NINE, BACKSLASH, OPEN, CLOSE, END] = [0x22, 0x2c, 0x2e, 0x2d, 0x30, 0x39, 0x5c, 0x7b, 0x7d, 0x5d];

/**
 * Reads a line that is byte for byte what this engine writes (keys in SPEC order, no spaces, numbers
 * as pythonFloat writes them) straight from the bytes, without JSON.parse. Returns false for anything
 * else, which the caller then parses the slow, general way (so a line with a whole value in integer
 * form, `45` where this engine now writes `45.0`, is read there and served as `45.0`).
 *
 * Numbers: a float-typed token has a point, an integer (pid) none. A token of at most 15 significant
 * digits with no exponent, no leading zero, no trailing zero but the `.0` of a whole value and no "-0"
 * is the shortest form of its double, so pythonFloat(value) gives the token back (for |value| ≥ 1e-4,
 * below which Python writes an exponent), and mantissa / 10^k (both exact) is the correctly rounded
 * value JSON.parse would give.
 */
export class CanonicalLineScanner {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  private end = 0;
  private fraction = 0;
  private mantissa = 0;
  private negative = false;

  scan(buf: Buffer, start: number, end: number, out: LineFields): boolean {
    [this.buf, this.pos, this.end] = [buf, start, end];
    for (let m = 0; m < HEAD_KEYS.length; m++) {
      if (!this.literal(HEAD_KEYS[m])) return false;
      const value = m === 0 ? this.number(true) : this.numberOrNull();
      if (value === undefined) return false;
      if (m === 0) out.at = value;
      else out.metrics[m - 1] = value;
    }
    if (!this.literal(PROCESSES)) return false;
    out.processCount = 0;
    if (this.buf[this.pos] === END) this.pos++;
    else if (!this.processes(out)) return false;
    return this.buf[this.pos] === CLOSE && this.pos + 1 === this.end;
  }

  private processes(out: LineFields): boolean {
    for (let p = 0; p < MAX_INDEXED_PROCESSES; p++) {
      if (!this.literal(NAME)) return false;
      const nameStart = this.pos;
      while (this.pos < this.end && this.buf[this.pos] !== QUOTE) {
        const c = this.buf[this.pos++];
        if (c < 0x20 || c === BACKSLASH || c >= 0x80) return false; // escapes, non-ASCII: slow path
      }
      out.names[p] = this.buf.toString('latin1', nameStart, this.pos);
      if (!this.literal(PROCESS_KEYS[0]) || this.number(false) === undefined) return false;
      if (this.negative || this.mantissa > 0xffffffff) return false;
      out.pids[p] = this.mantissa;
      for (let v = 0; v < 3; v++) {
        if (!this.literal(PROCESS_KEYS[v + 1]) || this.number(true) === undefined || this.fraction > 2) return false;
        const centi = this.mantissa * POW10[2 - this.fraction];
        if (centi > MAX_INDEXED_CENTI) return false;
        out.centi[p * 3 + v] = this.negative ? -centi : centi;
      }
      if (this.buf[this.pos++] !== CLOSE) return false;
      out.processCount = p + 1;
      const next = this.buf[this.pos++];
      if (next === END) return true;
      if (next !== COMMA || this.buf[this.pos] !== OPEN) return false;
    }
    return false;
  }

  private literal(expected: Buffer): boolean {
    if (this.pos + expected.length > this.end) return false;
    for (let k = 0; k < expected.length; k++) if (this.buf[this.pos + k] !== expected[k]) return false;
    this.pos += expected.length;
    return true;
  }

  private numberOrNull(): number | undefined {
    if (this.buf[this.pos] !== 0x6e) return this.number(true);
    return this.literal(NULL) ? NaN : undefined;
  }

  private number(float: boolean): number | undefined {
    const { buf, end } = this;
    let p = this.pos;
    this.negative = buf[p] === MINUS;
    if (this.negative) p++;
    let mantissa = 0;
    let fraction = 0;
    if (buf[p] === ZERO) p++;
    else if (buf[p] > ZERO && buf[p] <= NINE) while (p < end && buf[p] >= ZERO && buf[p] <= NINE) mantissa = mantissa * 10 + buf[p++] - ZERO;
    else return undefined;
    if (p < end && buf[p] >= ZERO && buf[p] <= NINE) return undefined; // leading zero
    if ((p < end && buf[p] === DOT) !== float) return undefined;
    if (float) {
      p++;
      while (p < end && buf[p] >= ZERO && buf[p] <= NINE) {
        mantissa = mantissa * 10 + buf[p++] - ZERO;
        fraction++;
      }
      const wholeZero = fraction === 1 && buf[p - 1] === ZERO; // the `.0` of a whole value
      if (fraction === 0 || (buf[p - 1] === ZERO && !wholeZero) || fraction > 15) return undefined;
    }
    if (mantissa > MAX_MANTISSA || (this.negative && mantissa === 0)) return undefined;
    const value = (this.negative ? -mantissa : mantissa) / POW10[fraction];
    if (value !== 0 && Math.abs(value) < 1e-4) return undefined; // pythonFloat would use an exponent
    [this.pos, this.mantissa, this.fraction] = [p, mantissa, fraction];
    return value;
  }
}

const centiOf = (value: unknown): number | undefined => {
  if (typeof value !== 'number') return undefined;
  const c = Math.round(value * 100);
  return c / 100 === value && Math.abs(c) <= MAX_INDEXED_CENTI ? c : undefined;
};

/** Fills `out` from a parsed sample; false when its processes do not fit the compact form. */
export function fieldsOfSample(sample: HistorySampleRecord, out: LineFields): boolean {
  out.at = sample.at;
  METRIC_FIELDS.forEach((field, m) => (out.metrics[m] = metricOf(sample, field)));
  out.processCount = 0;
  const processes: unknown = sample.top_processes;
  if (!Array.isArray(processes) || processes.length > MAX_INDEXED_PROCESSES) return false;
  for (const [p, proc] of (processes as Record<string, unknown>[]).entries()) {
    const values = [centiOf(proc?.cpu_percent), centiOf(proc?.mem_percent), centiOf(proc?.impact)];
    const pid = proc?.pid;
    if (typeof proc?.name !== 'string' || typeof pid !== 'number' || !Number.isInteger(pid) || pid < 0 || pid > 0xffffffff) return false;
    if (values.some((v) => v === undefined)) return false;
    out.names[p] = proc.name;
    out.pids[p] = pid;
    out.centi.set(values as number[], p * 3);
  }
  out.processCount = processes.length;
  return true;
}
