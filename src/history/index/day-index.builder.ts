import type { FsPort } from '../../storage/fs.port.js';
import { READ_NOFOLLOW } from '../../storage/no-follow.js';
import { DayColumns } from './day-columns.js';
import type { NameTable } from './name-table.js';

const CHUNK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;
/** A typical line is ~600 bytes; guessing a little high avoids regrowing the columns. */
const BYTES_PER_LINE_GUESS = 450;
/** A day at one sample a second is 86,400 lines: a larger guess (a hostile size) is not reserved up front. */
const MAX_LINES_GUESS = 100_000;
/**
 * A stored line is ~600 bytes (a few KB with long process names). A line longer than this is malformed:
 * it is skipped without being held, so a file with no newline (e.g. 1 GiB of zeros) costs one pass
 * over its bytes and a bounded buffer, never a string of its size.
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
const SKIP_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Indexes a day file in bounded chunks: each chunk is one await, so a large archive is indexed in
 * the background without ever holding the event loop for long or holding the whole file.
 * A last line without its newline (torn by a crash) is indexed only if it is complete JSON.
 */
export async function buildDayIndex(fs: FsPort, path: string, names: NameTable): Promise<DayColumns> {
  const handle = await fs.open(path, READ_NOFOLLOW);
  try {
    const stat = await handle.stat();
    const columns = new DayColumns(path, names, Math.min(MAX_LINES_GUESS, Math.ceil(stat.size / BYTES_PER_LINE_GUESS)) + 16);
    // Each read lands right after the unfinished line carried over from the previous one.
    let carry = 0;
    let carryStart = 0;
    let position = 0;
    // Inside a line over MAX_LINE_BYTES: its bytes are dropped up to the next newline.
    let skipping = false;
    let buffer: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      if (buffer.length - carry < CHUNK_BYTES / 2) buffer = grown(buffer, carry);
      const { bytesRead } = await handle.read(buffer, carry, buffer.length - carry, position);
      if (bytesRead === 0) break;
      let data = buffer.subarray(0, carry + bytesRead);
      let base = carryStart;
      position += bytesRead;
      if (skipping) {
        const end = data.indexOf(NEWLINE);
        carryStart += data.length;
        if (end < 0) continue; // still inside the long line: nothing kept
        skipping = false;
        base = carryStart - data.length + end + 1;
        data = data.subarray(end + 1);
        carryStart = base;
      }
      const consumed = indexLines(columns, data, base);
      carry = data.length - consumed;
      data.copy(buffer, 0, consumed, data.length);
      carryStart = base + consumed;
      if (carry > MAX_LINE_BYTES) {
        columns.oversizedLines++;
        [skipping, carry] = [true, 0];
        carryStart += data.length - consumed;
        // Large reads while skipping: each read is a thread-pool round trip (~2 ms on a busy machine).
        buffer = Buffer.allocUnsafe(SKIP_CHUNK_BYTES);
      }
    }
    if (carry > 0 && !skipping) columns.addBytes(buffer, 0, carry, carryStart);
    columns.indexedBytes = position;
    columns.mtimeMs = (await handle.stat()).mtimeMs;
    columns.compact();
    return columns;
  } finally {
    await handle.close();
  }
}

// A line longer than the buffer: double it, keeping the carried bytes.
function grown(buffer: Buffer, carry: number): Buffer {
  const next = Buffer.allocUnsafe(buffer.length * 2);
  buffer.copy(next, 0, 0, carry);
  return next;
}

/** Indexes every complete line of `data` (file offset `base`); returns the bytes consumed. */
export function indexLines(columns: DayColumns, data: Buffer, base: number): number {
  let lineStart = 0;
  for (;;) {
    const end = data.indexOf(NEWLINE, lineStart);
    if (end < 0) return lineStart;
    if (end - lineStart > MAX_LINE_BYTES) columns.oversizedLines++;
    else if (end > lineStart) columns.addBytes(data, lineStart, end, base + lineStart);
    lineStart = end + 1;
  }
}
