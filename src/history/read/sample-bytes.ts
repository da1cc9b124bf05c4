import { SAMPLE_KEY_BYTES } from '../sample-layout.js';
import { writeBytes, writeNumber } from './ascii.js';

// The fixed parts of a sample line (sample-layout.ts), shared by everything that writes lines as bytes.
const [AT, ...METRIC_KEYS] = SAMPLE_KEY_BYTES.slice(0, -1);
const PROCESSES = SAMPLE_KEY_BYTES[SAMPLE_KEY_BYTES.length - 1];

/** Bytes `writeSampleHead` takes at most. */
export const SAMPLE_HEAD_BYTES = 6 * 24 + 100;

/** `{"at":…,"cpu_percent":…,…,"stress_score":…,"top_processes":` — the processes array follows. */
export function writeSampleHead(out: Buffer, pos: number, at: number, metrics: ArrayLike<number>, offset: number): number {
  pos = writeNumber(out, writeBytes(out, pos, AT), at);
  for (let m = 0; m < METRIC_KEYS.length; m++) pos = writeNumber(out, writeBytes(out, pos, METRIC_KEYS[m]), metrics[offset + m]);
  return writeBytes(out, pos, PROCESSES);
}
