import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PARITY_FIXTURES, REFERENCE_DATASTORE, REFERENCE_RESPONSES } from '../helpers/fixtures.js';
import { dartDecode, type DartValue } from './dart-json.js';
import { dartGet, dartPut, DASHBOARD_PREFERENCES_BODY } from './dashboard-client.js';
import { startDashboardEngine, type DashboardEngine } from './dashboard-engine.js';
import { component, numberFormProblems, openApiDocument, responseSchemaOf, type Schema } from './number-forms.js';

// SPEC §4 "Number types", the second check: the OpenAPI document says `number` or `integer` for each
// field exactly where the earlier engine wrote a float or an integer, and what this engine writes —
// answers, SSE frames, the files of the datastore, history lines old and new — follows the document.

const doc = openApiDocument();
const fixture = (...path: string[]) => dartDecode(readFileSync(join(...path), 'utf8'));
/** state/runtime.json: the checkpoint's own header, then the wire DTOs (CheckpointContentDto). */
const CHECKPOINT: Schema = {
  properties: {
    schema: { type: 'integer' },
    last_checkpoint_at: { type: 'number', nullable: true },
    last_clean_shutdown: { type: 'boolean' },
    alerts_recent: { type: 'array', items: component('AlertDto') },
    last_stress: component('StressDto'),
    last_stability: component('StabilityDto'),
    last_normalized: component('NormalizedDto'),
    last_prediction: component('PredictionDto'),
    last_anomaly: component('AnomalyDto'),
  },
};

describe('dartDecode (how the dashboard tells int from double)', () => {
  it('reads a number without . e E as an int and any other as a double', () => {
    const value = dartDecode('{"a":0,"b":0.0,"c":1e-05,"d":[-3,2.5E3],"s":"x\\"y","n":null,"t":true}');
    expect(JSON.stringify(value, (_, v: unknown) => (v instanceof Object && 'isDouble' in v ? String(v) : v))).toBe(
      '{"a":"int 0","b":"double 0","c":"double 0.00001","d":["int -3","double 2500"],"s":"x\\"y","n":null,"t":true}',
    );
    expect(() => dartDecode('{"a":1,}')).toThrow(SyntaxError);
  });
});

describe("the OpenAPI document against the earlier engine's own answers and files", () => {
  it.each([
    ['status.json', '/api/v1/status'],
    ['health.json', '/api/v1/health'],
    ['baseline.json', '/api/v1/baseline'],
    ['preferences.json', '/api/v1/preferences'],
    ['storage-info.json', '/api/v1/storage/info'],
    ['storage-info-with-archive.json', '/api/v1/storage/info'],
    ['history-limit3-with-archive.json', '/api/v1/history'],
  ])('%s: every number in the form the document declares for GET %s', (file, route) => {
    expect(numberFormProblems(doc, responseSchemaOf(doc, 'get', route)!, fixture(REFERENCE_RESPONSES, file), '$', true)).toEqual([]);
  });

  it('its datastore: runtime.json, baseline.json, user_preferences.json', () => {
    expect(numberFormProblems(doc, CHECKPOINT, fixture(REFERENCE_DATASTORE, 'state', 'runtime.json'), '$', true)).toEqual([]);
    expect(numberFormProblems(doc, component('BaselineStatsDto'), fixture(REFERENCE_DATASTORE, 'state', 'baseline.json'), '$', true)).toEqual([]);
    expect(numberFormProblems(doc, component('PreferencesDto'), fixture(REFERENCE_DATASTORE, 'config', 'user_preferences.json'), '$', true)).toEqual([]);
  });

  it('2,000 cycles of its pipeline output (status parts, alerts, processes, event timestamps)', () => {
    const parts: [string, string][] = [
      ['normalized', 'NormalizedDto'],
      ['trend', 'TrendDto'],
      ['anomaly', 'AnomalyDto'],
      ['stress', 'StressDto'],
      ['prediction', 'PredictionDto'],
      ['stability', 'StabilityDto'],
      ['alert_state', 'AlertStateDto'],
      ['fired', 'AlertDto'],
      ['buffers', 'BuffersDto'],
    ];
    const lines = gunzipSync(readFileSync(join(PARITY_FIXTURES, 'reference-a.jsonl.gz')))
      .toString('utf8')
      .split('\n')
      .filter(Boolean);
    expect(lines).toHaveLength(2000);
    const problems = lines.flatMap((text, cycle) => {
      const line = dartDecode(text) as Record<string, DartValue>;
      return [
        ...parts.flatMap(([key, name]) => numberFormProblems(doc, component(name), line[key], `cycle ${cycle} ${key}`, true)),
        ...numberFormProblems(doc, { type: 'array', items: component('ProcessStatsDto') }, line.processes, `cycle ${cycle} processes`, true),
        // Event details are the events' own shapes; their timestamps are checked here.
        ...numberFormProblems(doc, { type: 'array', items: component('EventDto') }, line.events, `cycle ${cycle} events`),
      ];
    });
    expect(problems).toEqual([]);
  });
});

/** The first `count` SSE `data:` payloads of GET /status/stream. */
function sseFrames(baseUrl: string, count: number): { frames: Promise<string[]>; close: () => void } {
  const url = new URL('/api/v1/status/stream', baseUrl);
  let close = () => {};
  const frames = new Promise<string[]>((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { accept: 'text/event-stream' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        const data = text.split('\n\n').flatMap((event) =>
          event
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6)),
        );
        if (data.length >= count) resolve(data.slice(0, count));
      });
    });
    req.on('error', reject);
    req.end();
    close = () => req.destroy();
  });
  return { frames, close };
}

describe('what this engine writes, after a run that fired an alert', () => {
  let dir: string;
  let engine: DashboardEngine;
  let sse: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentracore-number-forms-'));
    engine = await startDashboardEngine(dir, { kind: 'scripted', script: (cycle) => (cycle >= 3 && cycle < 25 ? { cpu: { percent: 97 } } : {}) });
    const stream = sseFrames(engine.baseUrl, 2);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the stream is subscribed
    await engine.cycles(28);
    sse = await stream.frames;
    stream.close();
    expect((await dartPut(engine.baseUrl, '/api/v1/preferences', DASHBOARD_PREFERENCES_BODY)).status).toBe(200);
    await engine.close(); // a clean stop persists the baseline and the final checkpoint
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const file = async (...path: string[]) => dartDecode(await readFile(join(dir, ...path), 'utf8'));

  it('SSE /status/stream frames follow StatusDto', () => {
    expect(sse).toHaveLength(2);
    expect(sse.flatMap((frame) => numberFormProblems(doc, component('StatusDto'), dartDecode(frame)))).toEqual([]);
  });

  it('state/runtime.json, state/baseline.json and config/user_preferences.json follow their DTOs', async () => {
    const runtime = await file('state', 'runtime.json');
    expect((runtime as Record<string, unknown[]>).alerts_recent.length).toBeGreaterThan(0);
    expect(numberFormProblems(doc, CHECKPOINT, runtime, '$', true)).toEqual([]);
    expect(numberFormProblems(doc, component('BaselineStatsDto'), await file('state', 'baseline.json'), '$', true)).toEqual([]);
    expect(numberFormProblems(doc, component('PreferencesDto'), await file('config', 'user_preferences.json'), '$', true)).toEqual([]);
  });

  it('every history line follows HistorySampleDto', async () => {
    const days = readdirSync(join(dir, 'history')).filter((name) => name.endsWith('.jsonl'));
    const lines = (await Promise.all(days.map((day) => readFile(join(dir, 'history', day), 'utf8')))).flatMap((text) => text.split('\n').filter(Boolean));
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.flatMap((line, i) => numberFormProblems(doc, component('HistorySampleDto'), dartDecode(line), `line ${i}`, true))).toEqual([]);
  });
});

describe('GET /history over lines in every form found on disk', () => {
  let dir: string;
  let engine: DashboardEngine;
  const startSec = Math.floor(Date.now() / 1000) - 6 * 3600;
  const lines: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentracore-history-forms-'));
    // 600 samples 30 s apart: this engine's old integer form (whole values), the float form both
    // engines write now, and the earlier engine's unrounded `at`; whole values everywhere.
    for (let i = 0; i < 600; i++) {
      const at = startSec + i * 30;
      const processes = [{ name: 'p', pid: 40 + i, cpu: 5, mem: 2.5, impact: 7 }];
      if (i % 3 === 0) {
        lines.push(
          JSON.stringify({
            at,
            cpu_percent: 40,
            mem_percent: 61.5,
            disk_pressure_percent: 0,
            stability_score: 90,
            stress_score: null,
            top_processes: processes.map((p) => ({ name: p.name, pid: p.pid, cpu_percent: p.cpu, mem_percent: p.mem, impact: p.impact })),
          }),
        );
      } else {
        const atText = i % 3 === 1 ? `${at}.0` : `${at}.7159545`;
        lines.push(
          `{"at":${atText},"cpu_percent":40.0,"mem_percent":61.5,"disk_pressure_percent":0.0,"stability_score":90.0,"stress_score":null,"top_processes":[{"name":"p","pid":${40 + i},"cpu_percent":5.0,"mem_percent":2.5,"impact":7.0}]}`,
        );
      }
    }
    const day = new Date(startSec * 1000).toISOString().slice(0, 10);
    const byDay = new Map<string, string[]>();
    for (const line of lines) {
      const d = new Date((JSON.parse(line) as { at: number }).at * 1000).toISOString().slice(0, 10);
      byDay.set(d, [...(byDay.get(d) ?? []), line]);
    }
    await mkdir(join(dir, 'history'), { recursive: true });
    for (const [d, dayLines] of byDay) await writeFile(join(dir, 'history', `samples-${d}.jsonl`), dayLines.join('\n') + '\n');
    expect(byDay.has(day)).toBe(true);
    engine = await startDashboardEngine(dir, { kind: 'scripted', script: [] });
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['raw (dense runs copied from the file)', ''],
    ['granularity=3600 (sparse picks rebuilt from memory)', '&granularity=3600'],
    ['agg=avg (bucket heads, processes of a line)', '&granularity=600&agg=avg'],
  ])('%s: every sample in float form, the values as stored', async (_name, extra) => {
    const reply = await dartGet(engine.baseUrl, `/api/v1/history?from=${startSec - 1}&to=${startSec + 600 * 30}${extra}`);
    expect(reply.status).toBe(200);
    expect(numberFormProblems(doc, responseSchemaOf(doc, 'get', '/api/v1/history')!, reply.json!, '$', true)).toEqual([]);
    const samples = (JSON.parse(reply.text) as { samples: { at: number; cpu_percent: number }[] }).samples;
    expect(samples.length).toBeGreaterThanOrEqual(extra ? 5 : 600);
    if (!extra) expect(samples).toEqual(lines.map((line) => JSON.parse(line)));
  });
});
