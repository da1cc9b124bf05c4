import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCRIPTED_DEFAULTS, type TelemetryScript } from '../../src/telemetry/scripted.source.js';
import { eventually } from '../helpers/listening-app.js';
import { REFERENCE_DATASTORE } from '../helpers/fixtures.js';
import { dartDecode, isDartMap, type DartMap } from './dart-json.js';
import * as reads from './dart-reads.js';
import { dartProblems, type DartReads } from './dart-reads.js';
import { DartSocket, dartDelete, dartGet, dartPost, dartPut, DASHBOARD_PREFERENCES_BODY, dashboardHistoryPath, type DartReply } from './dashboard-client.js';
import { startDashboardEngine, type DashboardEngine, type Telemetry } from './dashboard-engine.js';
import { checkGetRoutes, component, numberFormProblems, openApiDocument, responseSchemaOf } from './number-forms.js';

// The existing Flutter dashboard as a client (docs/clients.md, "The desktop dashboard"): every route
// and stream it uses, sent as its Dart code sends it, each field it reads checked with Dart's rules
// (dart-reads.ts), and every number checked against the OpenAPI document (number-forms.ts). Three
// engines: real telemetry, a scripted machine that fires an alert (so the alert and root-cause
// shapes are covered), and a warm start from the earlier engine's datastore.

// Calm, then 24 cycles of CPU at 97 %: the CPU pressure passes 85 and an alert fires with a root cause.
// A process hot enough to be the suspect (the earlier engine's rule: over 15 % of the machine's CPU or
// 10 % of its memory); the default demo processes are too light to be blamed.
const RENDERER = {
  pid: 5100,
  name: 'render-worker',
  cpu_percent: 88.5,
  memory_percent: 3.1,
  memory_rss: 512 * 1024 ** 2,
  status: 'running',
  create_time: 1767225600,
};
const ALERT_SCRIPT: TelemetryScript = (cycle) =>
  cycle >= 4 && cycle < 28 ? { cpu: { percent: 97 }, memory: { percent: 62 }, processes: [RENDERER, ...SCRIPTED_DEFAULTS.processes] } : {};

interface Scenario {
  name: string;
  telemetry: Telemetry;
  cycles: number;
  /** Copied into the datastore before the engine starts. */
  datastore?: string;
  /** The scripted machine must show alerts, root causes, events and history processes. */
  alerting?: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: 'real telemetry (this machine)', telemetry: { kind: 'system', realGapMs: 500 }, cycles: 8 },
  { name: 'a scripted machine that fires an alert', telemetry: { kind: 'scripted', script: ALERT_SCRIPT }, cycles: 32, alerting: true },
  { name: "a warm start from the earlier engine's datastore", telemetry: { kind: 'scripted', script: [] }, cycles: 3, datastore: REFERENCE_DATASTORE },
];

const doc = openApiDocument();

/** A 200 JSON answer that the dashboard's reads accept and whose numbers have the documented forms. */
function expectServed(reply: DartReply, dartReads: DartReads, method: string, route: string): DartMap {
  expect({ status: reply.status, json: reply.json !== undefined }).toEqual({ status: 200, json: true });
  expect(dartProblems(reply.json!, dartReads)).toEqual([]);
  expect(numberFormProblems(doc, responseSchemaOf(doc, method, route)!, reply.json!)).toEqual([]);
  expect(isDartMap(reply.json)).toBe(true);
  return reply.json as DartMap;
}

describe.each(SCENARIOS)('the dashboard against $name', (scenario) => {
  let dir: string;
  let engine: DashboardEngine;
  let live: DartSocket;
  let alerts: DartSocket;
  let statusBeforeCycles: DartReply;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentracore-dashboard-'));
    if (scenario.datastore) await cp(scenario.datastore, dir, { recursive: true });
    engine = await startDashboardEngine(dir, scenario.telemetry);
    statusBeforeCycles = await dartGet(engine.baseUrl, '/api/v1/status');
    live = await DartSocket.open(`${engine.wsUrl}/ws/live`);
    alerts = await DartSocket.open(`${engine.wsUrl}/ws/alerts`);
    await engine.cycles(scenario.cycles);
    await eventually('a /ws/live frame per cycle', () => live.frames.length >= scenario.cycles, 20_000);
  }, 120_000);

  afterAll(async () => {
    live?.close();
    alerts?.close();
    await engine?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('GET /health: engine == true (watchdog, launcher)', async () => {
    expectServed(await dartGet(engine.baseUrl, '/api/v1/health'), reads.HEALTH_READS, 'get', '/api/v1/health');
  });

  it('/ws/live: every frame is a text frame SystemState.fromJson reads, the Stability card included', () => {
    expect(live.frames.length).toBeGreaterThanOrEqual(scenario.cycles);
    const problems = live.frames.flatMap((frame, i) => {
      const json = dartDecode(frame);
      return [...dartProblems(json, reads.STATUS_READS), ...numberFormProblems(doc, component('StatusDto'), json)].map((p) => `frame ${i}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('GET /status (before the first cycle and after the last) reads the same way', async () => {
    const before = expectServed(statusBeforeCycles, reads.STATUS_READS, 'get', '/api/v1/status');
    const after = expectServed(await dartGet(engine.baseUrl, '/api/v1/status'), reads.STATUS_READS, 'get', '/api/v1/status');
    expect((after.engine as DartMap).warm_started).toBe(false);
    if (scenario.datastore) {
      // The earlier engine's checkpoint is served until the first cycle: alerts restored, none fired yet.
      const alert = before.alert as DartMap;
      expect((before.engine as DartMap).warm_started).toBe(true);
      expect(String(alert.total_fired)).toBe('int 0');
      expect(alert.recent_alerts).toHaveLength(1);
      expect(isDartMap(alert.last_alert)).toBe(true);
      expect(isDartMap(before.stability)).toBe(true);
    }
  });

  it('/ws/alerts: each alert is an AlertRecord with a String message (desktop notification)', () => {
    if (scenario.alerting) expect(alerts.frames.length).toBeGreaterThan(0);
    const problems = alerts.frames.flatMap((frame) => {
      const json = dartDecode(frame);
      return [...dartProblems(json, reads.ALERT_FRAME_READS), ...numberFormProblems(doc, component('AlertDto'), json)];
    });
    expect(problems).toEqual([]);
  });

  if (scenario.alerting) {
    it('the alert reaches the status with its root cause and suspect process (RCA panel, status bar)', async () => {
      const status = (await dartGet(engine.baseUrl, '/api/v1/status')).json as DartMap;
      const alert = status.alert as DartMap;
      expect(String(alert.total_fired)).toBe(`int ${alerts.frames.length}`);
      expect((alert.recent_alerts as unknown[]).length).toBeGreaterThan(0);
      const rootCause = (alert.last_alert as DartMap).root_cause as DartMap;
      expect(isDartMap(rootCause.suspect_process)).toBe(true);
    });
  }

  it('GET /processes?limit=50 (Processes, Overview table, every 5 s)', async () => {
    const body = expectServed(await dartGet(engine.baseUrl, '/api/v1/processes?limit=50'), reads.PROCESSES_READS, 'get', '/api/v1/processes');
    expect((body.processes as unknown[]).length).toBeGreaterThan(0);
  });

  // Needs the earlier engine's event shapes (object details with a description): another branch.
  it('GET /events: details is a Map with a description (Event Timeline, Diagnostics Event Log)', async () => {
    const body = expectServed(await dartGet(engine.baseUrl, '/api/v1/events'), reads.EVENTS_READS, 'get', '/api/v1/events');
    if (scenario.alerting) expect((body.events as unknown[]).length).toBeGreaterThan(0);
  });

  it('GET /preferences, then PUT with the Settings screen body, then GET again', async () => {
    const first = expectServed(await dartGet(engine.baseUrl, '/api/v1/preferences'), reads.PREFERENCES_READS, 'get', '/api/v1/preferences');
    expect(first).not.toHaveProperty('error'); // a body with an `error` key is ignored by the dashboard
    expectServed(await dartPut(engine.baseUrl, '/api/v1/preferences', DASHBOARD_PREFERENCES_BODY), reads.OK_READS, 'put', '/api/v1/preferences');
    const saved = expectServed(await dartGet(engine.baseUrl, '/api/v1/preferences'), reads.PREFERENCES_READS, 'get', '/api/v1/preferences');
    expect(saved.safeguard_process_names).toEqual(['backup.exe']);
    expect(String(saved.alert_cpu_percent)).toBe('double 85');
  });

  it('GET /history with the 7-day sync query (granularity=30.00, limit=12000), gzip-encoded', async () => {
    const reply = await dartGet(engine.baseUrl, dashboardHistoryPath());
    const body = expectServed(reply, reads.HISTORY_READS, 'get', '/api/v1/history');
    const samples = body.samples as DartMap[];
    expect(samples.length).toBeGreaterThan(0);
    if (scenario.alerting) expect(samples.some((s) => (s.top_processes as unknown[]).length > 0)).toBe(true);
  });

  it('GET /storage/info (Settings → Storage)', async () => {
    expectServed(await dartGet(engine.baseUrl, '/api/v1/storage/info'), reads.STORAGE_INFO_READS, 'get', '/api/v1/storage/info');
  });

  it('every plain GET route of the OpenAPI document answers with its numbers in the documented forms', async () => {
    const { routes, problems } = await checkGetRoutes(engine.baseUrl, doc);
    expect(routes).toEqual(expect.arrayContaining(['/api/v1/status', '/api/v1/baseline', '/api/v1/alerts', '/api/v1/history']));
    expect(problems).toEqual([]);
  });

  // Last: they clear what the checks above read.
  it('the bodiless admin calls (Content-Length 0, no Content-Type) and DELETE /history answer 200 with a JSON object', async () => {
    for (const [method, route, send] of [
      ['post', '/api/v1/storage/cache/clear', dartPost],
      ['post', '/api/v1/state/reset/baseline', dartPost],
      ['delete', '/api/v1/history', dartDelete],
    ] as const) {
      expectServed(await send(engine.baseUrl, route), {}, method, route);
    }
  });
});
