import type { FsPort } from '../../storage/fs.port.js';
import { DayColumns } from './day-columns.js';
import type { NameTable } from './name-table.js';

const CHUNK_BYTES = 256 * 1024;
const NEWLINE = 0x0a;
/** A typical line is ~600 bytes; guessing a little high avoids regrowing the columns. */
const BYTES_PER_LINE_GUESS = 450;

/**
 * Indexes a day file in bounded chunks: each chunk is one await, so a large archive is indexed in
 * the background without ever holding the event loop for long or holding the whole file.
 * A last line without its newline (torn by a crash) is indexed only if it is complete JSON.
 */
export async function buildDayIndex(fs: FsPort, path: string, names: NameTable): Promise<DayColumns> {
  const handle = await fs.open(path, 'r');
  try {
    const stat = await handle.stat();
    const columns = new DayColumns(path, names, Math.ceil(stat.size / BYTES_PER_LINE_GUESS) + 16);
    // Each read lands right after the unfinished line carried over from the previous one.
    let carry = 0;
    let carryStart = 0;
    let position = 0;
    let buffer: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      if (buffer.length - carry < CHUNK_BYTES / 2) buffer = grown(buffer, carry);
      const { bytesRead } = await handle.read(buffer, carry, buffer.length - carry, position);
      if (bytesRead === 0) break;
      const data = buffer.subarray(0, carry + bytesRead);
      const consumed = indexLines(columns, data, carryStart);
      carry = data.length - consumed;
      buffer.copy(buffer, 0, consumed, data.length);
      carryStart += consumed;
      position += bytesRead;
    }
    if (carry > 0) columns.addBytes(buffer, 0, carry, carryStart);
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
    if (end > lineStart) columns.addBytes(data, lineStart, end, base + lineStart);
    lineStart = end + 1;
  }
}
