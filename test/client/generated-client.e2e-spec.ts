import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ManualClock } from '../../src/common/manual-clock.fixture.js';
import { plainEnv, REPO_ROOT } from '../helpers/child-process.js';
import { createListeningApp, type ListeningApp } from '../helpers/listening-app.js';
import * as api from './api-usage.js';
import { mismatches, responseSchema, type OpenApiDocument } from './schema-check.js';

// The committed openapi/openapi.json as real clients use it: TypeScript types generated with
// openapi-typescript, calls made with openapi-fetch against the running app, the calling code
// type-checked with tsc, every response checked against its documented schema, the document linted.

const run = promisify(execFile);
const SPEC = join(REPO_ROOT, 'openapi', 'openapi.json');
const CLIENT_DIR = join(REPO_ROOT, 'test', 'client');
const bin = (path: string) => join(REPO_ROOT, 'node_modules', path);
const node = (args: string[]) =>
  run(process.execPath, args, {
    cwd: REPO_ROOT,
    env: plainEnv({ REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }),
    maxBuffer: 16 * 1024 * 1024,
  });
/** Runs a command and returns its exit code and output, without throwing on a non-zero exit. */
const outcome = (args: string[]) =>
  node(args).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );

describe('generated REST client (openapi-typescript + openapi-fetch, e2e)', () => {
  let root: string;
  let live: ListeningApp;
  let client: api.SentraCoreClient;
  const doc = JSON.parse(readFileSync(SPEC, 'utf8')) as OpenApiDocument;
  const clock = new ManualClock(Date.UTC(2026, 10, 27, 9, 0, 0));
  const raw = async (method: string, path: string, query = '') => {
    const response = await fetch(`${live.baseUrl}${path}${query}`, { method: method.toUpperCase() });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  /** The server's answer conforms to the schema the spec documents for it. */
  const conforms = async (method: string, path: string, query = '') => {
    const { status, body } = await raw(method, path, query);
    expect(status).toBe(200);
    expect(mismatches(doc, responseSchema(doc, method, path), body)).toEqual([]);
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-client-'));
    live = await createListeningApp(root, { clock, engine: { history: { sampleIntervalSec: 2 } } });
    for (let i = 0; i < 20; i++) {
      clock.advance(2000);
      await live.engine.runCycle();
    }
    client = api.connect(live.baseUrl);
  });
  afterAll(async () => {
    await live.app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('types generated from the committed openapi.json type-check the client code, and reject code relying on a shape the spec lacks', async () => {
    // Generated at test time into git-ignored test-artifacts/ (inside the repo so that openapi-fetch
    // resolves from node_modules), next to a copy of the client code and of its tsconfig.
    const dir = join(REPO_ROOT, 'test-artifacts', 'client-typecheck');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'generated'), { recursive: true });
    await node([bin('openapi-typescript/bin/cli.js'), SPEC, '-o', join(dir, 'generated', 'openapi.d.ts')]);
    copyFileSync(join(CLIENT_DIR, 'api-usage.ts'), join(dir, 'api-usage.ts'));
    writeFileSync(
      join(dir, 'lying-client.ts'),
      [
        "import { connect } from './api-usage.js';",
        'export async function sockets(): Promise<number> {',
        "  const { data } = await connect('http://127.0.0.1:8740').GET('/api/v1/health');",
        '  return data!.websocket_clients.sockets;',
        '}',
        '',
      ].join('\n'),
    );
    const config = JSON.parse(readFileSync(join(CLIENT_DIR, 'tsconfig.json'), 'utf8')) as { include: string[] };
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { noEmit: true, types: ['node'] }, include: [...config.include, 'lying-client.ts'] }),
    );
    const { code, output } = await outcome([bin('typescript/bin/tsc'), '--noEmit', '-p', join(dir, 'tsconfig.json')]);
    // The one error is the lie: api-usage.ts compiles against the spec as it is.
    expect(output.trim().split('\n')).toEqual([
      expect.stringMatching(/^test-artifacts\/client-typecheck\/lying-client\.ts\(4,\d+\): error TS2339: Property 'sockets' does not exist/),
    ]);
    expect(code).not.toBe(0);
  }, 180_000);

  it('GET /api/v1/health and /api/v1/status through the client', async () => {
    expect(await api.health(client)).toEqual({ status: 'running', engine: true, clients: { live: 0, alerts: 0 }, writable: true });
    const status = await api.status(client);
    const body = (await raw('get', '/api/v1/status')).body as Record<string, any>;
    expect(status).toEqual({
      version: body.engine.version,
      uptimeSamples: 20,
      warmStarted: false,
      stressScore: body.stress.score,
      stressLevel: body.stress.level,
      cpuPressure: body.stress.pressures.cpu,
      stabilityScore: body.stability.score,
      riskScore: body.prediction.risk_score,
      alertsFired: body.alert.total_fired,
      shortBuffer: { count: 20, capacity: body.buffers.short.capacity },
    });
    await conforms('get', '/api/v1/health');
    await conforms('get', '/api/v1/status');
  });

  it('GET /api/v1/history with from, to, granularity and limit through the client', async () => {
    const nowSec = clock.nowMs() / 1000;
    const view = await api.history(client, nowSec - 30, nowSec, 4, 5);
    expect(view.totalSamples).toBe(20);
    expect(view.files).toEqual(['samples-2026-11-27.jsonl']);
    // 16 samples in the window, 2 s apart; granularity 4 keeps the first (now − 30) and every other one after it;
    // limit keeps the last 5.
    expect(view.samples.map((s) => s.at)).toEqual([nowSec - 18, nowSec - 14, nowSec - 10, nowSec - 6, nowSec - 2]);
    expect(view.samples.every((s) => typeof s.cpuPercent === 'number' && typeof s.stressScore === 'number')).toBe(true);
    await conforms('get', '/api/v1/history', `?from=${nowSec - 30}&to=${nowSec}&granularity=4&limit=5`);
  });

  it('GET /api/v1/storage/info through the client', async () => {
    const view = await api.storageInfo(client);
    expect(view.root).toBe(root);
    expect(view.historySamples).toBe(20);
    expect(view.previousRunUnclean).toBe(false); // a brand-new datastore: a first start
    expect(view.sectionBytes.history).toBeGreaterThan(0);
    expect(view.totalBytes).toBe(Object.values(view.sectionBytes).reduce((a, b) => a + b, 0));
    await conforms('get', '/api/v1/storage/info');
  });

  it('PUT /api/v1/preferences through the client: persisted, and a wrong type is a 400 naming the field', async () => {
    const preferences = await api.updatePreferences(client, { alert_cpu_percent: 91, anomaly_sensitivity: 'strict' });
    expect(preferences).toMatchObject({ alert_cpu_percent: 91, anomaly_sensitivity: 'strict' });
    expect((await raw('get', '/api/v1/preferences')).body).toEqual(preferences);
    const onDisk = JSON.parse(readFileSync(join(root, 'config', 'user_preferences.json'), 'utf8')) as Record<string, unknown>;
    expect(onDisk).toMatchObject({ alert_cpu_percent: 91, anomaly_sensitivity: 'strict' });
    const rejected = await api.rejectedPreferences(client);
    expect(rejected.status).toBe(400);
    expect(JSON.stringify(rejected.error)).toContain('alert_cpu_percent');
    await conforms('get', '/api/v1/preferences');
  });

  it('POST /api/v1/storage/cache/clear through the client: 200 and the cache emptied', async () => {
    writeFileSync(join(root, 'cache', 'derived.bin'), Buffer.alloc(4096, 7));
    mkdirSync(join(root, 'cache', 'nested'), { recursive: true });
    writeFileSync(join(root, 'cache', 'nested', 'more.bin'), Buffer.alloc(1000, 7));
    expect(await api.clearCache(client)).toEqual({ filesRemoved: 2, bytesFreed: 5096, httpStatus: 200 });
    expect((await api.storageInfo(client)).sectionBytes.cache).toBe(0);
    const { status, body } = await raw('post', '/api/v1/storage/cache/clear');
    expect(status).toBe(200);
    expect(mismatches(doc, responseSchema(doc, 'post', '/api/v1/storage/cache/clear'), body)).toEqual([]);
  });

  it('openapi/openapi.json passes redocly lint (recommended rules, see test/client/redocly.yaml)', async () => {
    const { code, output } = await outcome([bin('@redocly/cli/bin/cli.js'), 'lint', SPEC, '--config', join(CLIENT_DIR, 'redocly.yaml'), '--format', 'summary']);
    if (code !== 0) throw new Error(`redocly lint failed:\n${output}`);
    expect(output).toMatch(/validated in/);
  }, 120_000);
});
