import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { EngineService } from '../src/engine/engine.service.js';
import { bootEngine } from './helpers/boot-engine.js';
import { engineEnv, freePort, requireDist, run, type Running } from './helpers/child-process.js';
import { alive, BURN, killAll, niceness, spawnOwn, type OwnChild } from './helpers/own-children.js';
import { waitFor } from './helpers/wait-for.js';

// Process actions with nothing scripted about the processes: the real /proc scanner finds a
// CPU-burning child of this test; and the standalone engine, started as the dashboard starts it,
// refuses its own process and its parent (this test process).

const TOKEN = 'real-process-token';
const RUNS_AS_ROOT = process.geteuid?.() === 0;

describe('process actions with the real process scanner (e2e, own child only)', () => {
  let root: string;
  let app: NestFastifyApplication;
  let burner: OwnChild;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-procs-real-'));
    mkdirSync(join(root, 'bin'));
    burner = spawnOwn(join(root, 'bin'), 'sc-real-burner', BURN);
    app = await bootEngine({ dataDir: join(root, 'datastore'), sampling: { enabled: false, processRefreshCycles: 1 }, apiToken: TOKEN });
  });
  afterAll(async () => {
    killAll([burner]);
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('the burner appears in GET /processes; lower_priority sets niceness 10; terminate ends it', async () => {
    const http = () => request(app.getHttpServer());
    const engine = app.get(EngineService);
    // Each cycle is one real scan; CPU % needs two. On this shared machine a core-burner still ranks in the top 15.
    await waitFor(
      'the burner in GET /processes',
      async () => {
        await engine.runCycle();
        const { processes } = (await http().get('/api/v1/processes?limit=50').expect(200)).body as { processes: { pid: number }[] };
        return processes.some((p) => p.pid === burner.pid) ? true : undefined;
      },
      20_000,
      300,
    );
    const post = (action: string) => http().post(`/api/v1/processes/${burner.pid}/action`).set('authorization', `Bearer ${TOKEN}`).send({ action }).expect(200);
    expect((await post('lower_priority')).body).toEqual({ ok: true, result: 'ok' });
    expect(niceness(burner.pid)).toBe(10);
    expect((await post('terminate')).body).toEqual({ ok: true, result: 'ok', exited: true });
    expect(await burner.exited).toBe('SIGTERM');
  });
});

describe('the standalone engine, started by this test as the dashboard starts it (e2e)', () => {
  let root: string;
  const engines: Running[] = [];

  async function start(name: string, extra: Record<string, string>): Promise<{ engine: Running; base: string }> {
    const port = await freePort();
    const engine = run([requireDist('main.js')], engineEnv(join(root, name), port, extra));
    engines.push(engine);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      'the engine to answer',
      () =>
        fetch(`${base}/api/v1/health`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        ),
      30_000,
      100,
    );
    return { engine, base };
  }
  const post = async (base: string, pid: number, token?: string) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${base}/api/v1/processes/${pid}/action`, { method: 'POST', headers, body: JSON.stringify({ action: 'lower_priority' }) });
    expect(res.status).toBe(200);
    return res.json();
  };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-procs-standalone-'));
  });
  afterAll(async () => {
    for (const { child, exited } of engines) {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  }, 30_000);

  it('with a token: its own process and its parent (this test process) are refused, both untouched', async () => {
    const { engine, base } = await start('with-token', { SENTRACORE_API_TOKEN: TOKEN });
    const enginePid = engine.child.pid!;
    // lower_priority: had a rule been missing, the worst would be a renice, which the niceness checks would show.
    expect(await post(base, enginePid, TOKEN)).toEqual({ ok: false, result: 'refused', error: `PID ${enginePid} is this engine's own process` });
    expect(await post(base, process.pid, TOKEN)).toEqual({
      ok: false,
      result: 'refused',
      error: `PID ${process.pid} is this engine's parent process (the app that started it, e.g. the dashboard)`,
    });
    expect(niceness(enginePid)).toBe(0);
    expect(niceness(process.pid)).toBe(0);
    expect(alive({ child: engine.child } as OwnChild)).toBe(true);
  }, 60_000);

  it(
    RUNS_AS_ROOT ? 'as root without a token: every process action is refused' : 'not elevated, without a token: its own process is still refused',
    async () => {
      const { engine, base } = await start('without-token', {});
      const answer = await post(base, engine.child.pid!);
      if (RUNS_AS_ROOT) expect(answer).toEqual({ ok: false, result: 'refused', error: expect.stringContaining('SENTRACORE_API_TOKEN is not set') });
      else expect(answer).toEqual({ ok: false, result: 'refused', error: expect.stringContaining("this engine's own process") });
      expect(niceness(engine.child.pid!)).toBe(0);
    },
    60_000,
  );
});
