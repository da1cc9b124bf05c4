import { ascii, writeBytes, writeNumber } from './ascii.js';

// The fixed parts of a sample line (SPEC §6 key order), shared by everything that writes lines as bytes.
const AT = ascii('{"at":');
const METRIC_KEYS = [',"cpu_percent":', ',"mem_percent":', ',"disk_pressure_percent":', ',"stability_score":', ',"stress_score":'].map(ascii);
const PROCESSES = ascii(',"top_processes":');

/** Bytes `writeSampleHead` takes at most. */
export const SAMPLE_HEAD_BYTES = 6 * 24 + 100;

/** `{"at":…,"cpu_percent":…,…,"stress_score":…,"top_processes":` — the processes array follows. */
export function writeSampleHead(out: Buffer, pos: number, at: number, metrics: ArrayLike<number>, offset: number): number {
  pos = writeNumber(out, writeBytes(out, pos, AT), at);
  for (let m = 0; m < METRIC_KEYS.length; m++) pos = writeNumber(out, writeBytes(out, pos, METRIC_KEYS[m]), metrics[offset + m]);
  return writeBytes(out, pos, PROCESSES);
}
