import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { WebSocket } from 'ws';
import { dartDecode, type DartValue } from './dart-json.js';

// The dashboard's requests as its Dart code sends them (services/engine_service.dart with package:http
// on dart:io): `Accept-Encoding: gzip` and a Content-Length on every request (0 without a body),
// `Content-Type: application/json; charset=utf-8` on JSON bodies and none on the bodiless POSTs.

export interface DartReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body as `jsonDecode` returns it (undefined when it is not JSON). */
  json: DartValue | undefined;
}

const DART_HEADERS = { 'user-agent': 'Dart/3.5 (dart:io)', 'accept-encoding': 'gzip' };
const JSON_TYPE = 'application/json; charset=utf-8';

function decode(text: string): DartValue | undefined {
  try {
    return dartDecode(text);
  } catch {
    return undefined;
  }
}

export function dartRequest(baseUrl: string, method: string, path: string, jsonBody?: string): Promise<DartReply> {
  const url = new URL(path, baseUrl);
  const body = Buffer.from(jsonBody ?? '');
  const headers: Record<string, string> = { ...DART_HEADERS, 'content-length': String(body.length) };
  if (jsonBody !== undefined) headers['content-type'] = JSON_TYPE;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        // dart:io's HttpClient unzips a gzip answer before the app sees it.
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: decode(text) });
      });
    });
    req.setTimeout(120_000, () => req.destroy(new Error(`${method} ${path}: no answer in 120 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

export const dartGet = (baseUrl: string, path: string) => dartRequest(baseUrl, 'GET', path);
/** `http.post(uri)` with no body: Content-Length 0, no Content-Type (ES:342-354). */
export const dartPost = (baseUrl: string, path: string) => dartRequest(baseUrl, 'POST', path);
export const dartDelete = (baseUrl: string, path: string) => dartRequest(baseUrl, 'DELETE', path);
export const dartPut = (baseUrl: string, path: string, jsonBody: string) => dartRequest(baseUrl, 'PUT', path, jsonBody);

/**
 * PUT /preferences as settings_provider.dart:217-227 builds it: the six keys, Dart's jsonEncode of
 * doubles (`85.0`), the safeguard names as a list of strings.
 */
export const DASHBOARD_PREFERENCES_BODY =
  '{"alert_cpu_percent":85.0,"alert_memory_percent":85.0,"alert_disk_pressure":80.0,"safeguard_enabled":false,' +
  '"safeguard_process_names":["backup.exe"],"anomaly_sensitivity":"normal"}';

/**
 * GET /history as history_provider.dart:93-105 asks it every minute: the last 7 days, `from`/`to`
 * with `toStringAsFixed(3)`, `granularity` with `toStringAsFixed(2)`, `limit` 12000.
 */
export function dashboardHistoryPath(nowMs = Date.now()): string {
  const from = ((nowMs - 7 * 86_400_000) / 1000).toFixed(3);
  const to = (nowMs / 1000).toFixed(3);
  return `/api/v1/history?from=${from}&to=${to}&granularity=30.00&limit=12000`;
}

/** A WebSocket as web_socket_channel opens it from dart:io: no Origin header. Records every text frame. */
export class DartSocket {
  readonly frames: string[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.frames.push(String(data));
    });
  }

  static open(url: string): Promise<DartSocket> {
    const socket = new WebSocket(url);
    const opened = new DartSocket(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(opened));
      socket.once('error', reject);
    });
  }

  close(): void {
    this.socket.close();
  }
}
