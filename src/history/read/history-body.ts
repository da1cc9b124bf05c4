import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { toWireJson, wireShapeOf } from '../../common/wire.js';
import { HistorySummaryDto } from '../dto/history-summary.dto.js';
import type { HistorySelection } from './history-selection.js';
import type { HistorySummaryRecord } from './history-summary.js';

const SUMMARY_SHAPE = wireShapeOf(HistorySummaryDto);

/** Up to this many samples (~3 MB of JSON) the chunks are produced at once; above it, on demand. */
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
  yield Buffer.from(`],"summary":${toWireJson(summary, SUMMARY_SHAPE)}}`);
}

/**
 * The GET /history body `{"samples":[...],"summary":{...}}`: one buffer up to STREAM_ABOVE_SAMPLES, otherwise a
 * stream of its chunks — produced one at a time under backpressure for large answers (a 30-day raw
 * query is ~50 MB), so the whole body never exists at once.
 */
export async function historyBody(selection: HistorySelection, summary: HistorySummaryRecord): Promise<Buffer | Readable> {
  if (selection.count > STREAM_ABOVE_SAMPLES) return Readable.from(bodyChunks(selection, summary), { objectMode: false, highWaterMark: 1 });
  return historyBuffer(selection, summary);
}

/**
 * The whole body as one buffer (answers up to STREAM_ABOVE_SAMPLES): one write to the socket, where
 * a stream of small chunks costs a round of backpressure per chunk (2–3× the latency under load).
 */
export async function historyBuffer(selection: HistorySelection, summary: HistorySummaryRecord): Promise<Buffer> {
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of bodyChunks(selection, summary)) {
    parts.push(chunk);
    bytes += chunk.length;
  }
  return Buffer.concat(parts, bytes);
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** What a Nest handler returns for a body: bytes as they are, a stream wrapped so Nest pipes and closes it. */
export function asHttpBody(body: Buffer | Readable): Buffer | StreamableFile {
  return Buffer.isBuffer(body) ? body : new StreamableFile(body, { type: JSON_CONTENT_TYPE });
}

/** A GET /history answer and whether it is gzip-encoded. */
export interface HistoryHttpBody {
  body: Buffer | Readable;
  gzipped: boolean;
}

/** Smaller answers go out as they are: compressing them saves less than it costs. */
export const GZIP_ABOVE_BYTES = 16 * 1024;

const gzipAsync = promisify(gzip);

// The fastest level: history JSON still shrinks ~6×, and the CPU is spent once per cached window.
export function gzipFast(body: Buffer): Promise<Buffer> {
  return gzipAsync(body, { level: constants.Z_BEST_SPEED });
}

/** Whether an Accept-Encoding header allows gzip (listed, or `*`, without `q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((entry) => {
    const [coding, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}
