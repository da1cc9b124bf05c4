import type { FsPort } from '../../storage/fs.port.js';
import { READ_NOFOLLOW } from '../../storage/no-follow.js';
import type { DayColumns } from '../index/day-columns.js';

export interface LineRef {
  columns: DayColumns;
  line: number;
}

/** Lines closer than this are read together: one read of a small gap beats another system call. */
const MERGE_GAP_BYTES = 16 * 1024;

/**
 * The text of each referenced line, in the order given, read by byte range (never a whole file).
 * Only lines that are not served from memory come here, e.g. lines the earlier engine formatted
 * differently, so this is the slow path by design.
 */
export async function readLineTexts(fs: FsPort, refs: readonly LineRef[]): Promise<string[]> {
  const texts = new Array<string>(refs.length);
  const byPath = new Map<string, number[]>();
  refs.forEach((ref, k) => {
    const list = byPath.get(ref.columns.path) ?? [];
    list.push(k);
    byPath.set(ref.columns.path, list);
  });
  for (const [path, ks] of byPath) {
    const ranges = ks
      .map((k) => ({ k, start: refs[k].columns.lineStart(refs[k].line), length: refs[k].columns.lineLength(refs[k].line) }))
      .sort((a, b) => a.start - b.start);
    const handle = await fs.open(path, READ_NOFOLLOW);
    try {
      let r = 0;
      while (r < ranges.length) {
        let end = r + 1;
        while (end < ranges.length && ranges[end].start - (ranges[end - 1].start + ranges[end - 1].length) <= MERGE_GAP_BYTES) end++;
        const first = ranges[r].start;
        const last = ranges[end - 1].start + ranges[end - 1].length;
        const buffer = Buffer.alloc(last - first);
        await handle.read(buffer, 0, buffer.length, first);
        for (let j = r; j < end; j++) {
          texts[ranges[j].k] = buffer.toString('utf8', ranges[j].start - first, ranges[j].start - first + ranges[j].length);
        }
        r = end;
      }
    } finally {
      await handle.close();
    }
  }
  return texts;
}
