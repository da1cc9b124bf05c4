import { Readable } from 'node:stream';
import type { HistorySelection } from './history-selection.js';
import type { HistorySummaryRecord } from './history-summary.js';

/** Up to this many samples (~3 MB of JSON) the body is built in one piece; above it, it streams. */
export const STREAM_ABOVE_SAMPLES = 5000;

async function* bodyChunks(selection: HistorySelection, summary: HistorySummaryRecord): AsyncGenerator<Buffer> {
  yield Buffer.from('{"samples":[');
  let first = true;
  for await (const chunk of selection.jsonChunks()) {
    if (chunk.length === 0) continue;
    if (!first) yield Buffer.from(',');
    yield chunk;
    first = false;
  }
  yield Buffer.from(`],"summary":${JSON.stringify(summary)}}`);
}

/**
 * The GET /history body `{"samples":[...],"summary":{...}}` as bytes (small answers) or as a stream
 * that produces one chunk at a time under backpressure (large answers: a 30-day raw query is ~50 MB).
 */
export async function historyBody(selection: HistorySelection, summary: HistorySummaryRecord): Promise<Buffer | Readable> {
  const chunks = bodyChunks(selection, summary);
  if (selection.count > STREAM_ABOVE_SAMPLES) return Readable.from(chunks, { objectMode: false, highWaterMark: 1 });
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}
