import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { ProcessRecord } from '../src/telemetry/snapshot.record.js';
import { createEngineHarness, type EngineHarness } from './helpers/engine-app.js';
import { alive, asListed, BURN, IDLE, killAll, niceness, spawnOwn, type OwnChild } from './helpers/own-children.js';
import { eventually } from './helpers/wait-for.js';

// POST /api/v1/processes/{pid}/action against children this test spawned, listed by a scripted
// telemetry source with their real pids and start times. A canary, never listed, must outlive it all.

const TOKEN = 'process-control-token';
const RUNS_AS_ROOT = process.geteuid?.() === 0;

describe('POST /api/v1/processes/{pid}/action (e2e, own children only)', () => {
  let root: string;
  let bin: string;
  let harness: EngineHarness;
  let listed: ProcessRecord[] = [];
  const children: OwnChild[] = [];
  let canary: OwnChild;
  const http = () => request(harness.app.getHttpServer());
  const own = (name: string, script = IDLE) => {
    const child = spawnOwn(bin, name, script);
    children.push(child);
    return child;
  };
  /** The engine's next scan lists exactly these. */
  const track = async (...records: ProcessRecord[]) => {
    listed = records;
    await http().get('/api/v1/processes').expect(200); // a reader: the next cycle rescans
    await harness.cycles(1);
  };
  const act = (pid: number | string, body: unknown = {}, token: string | null = TOKEN) => {
    const req = http().post(`/api/v1/processes/${pid}/action`);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.send(body as object);
  };
  const lastEvent = async () => (await http().get('/api/v1/events').expect(200)).body.events[0] as { event_type: string; details: Record<string, unknown> };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-procs-'));
    bin = join(root, 'bin');
    mkdirSync(bin);
    canary = own('sc-canary');
    harness = await createEngineHarness(join(root, 'datastore'), () => ({ processes: listed }), {
      apiToken: TOKEN,
      sampling: { processRefreshCycles: 1 },
    });
    await eventually('children started', () => children.every((c) => niceness(c.pid) === 0));
  });

  afterAll(async () => {
    const canaryAlive = alive(canary);
    killAll(children);
    await harness?.app.close();
    rmSync(root, { recursive: true, force: true });
    expect(canaryAlive).toBe(true);
  });

  it('lower_priority then normal_priority on a tracked CPU-burning child: ok, niceness 10 then 0 in /proc/<pid>/stat, each an event', async () => {
    const burner = own('sc-burner', BURN);
    await track(asListed(burner));
    expect((await act(burner.pid, { action: 'lower_priority' }).expect(200)).body).toEqual({ ok: true, result: 'ok' });
    expect(niceness(burner.pid)).toBe(10);
    expect(await lastEvent()).toMatchObject({
      event_type: 'process_action',
      severity: 'info',
      details: { pid: burner.pid, name: 'sc-burner', action: 'lower_priority', result: 'ok', source: 'api', error: null },
    });
    // Surrounding whitespace is ignored, as the earlier engine strips it.
    expect((await act(burner.pid, { action: ' normal_priority ' }).expect(200)).body).toEqual({ ok: true, result: 'ok' });
    expect(niceness(burner.pid)).toBe(0);
    expect((await lastEvent()).details).toMatchObject({ action: 'normal_priority', result: 'ok', description: expect.stringContaining('sc-burner') });
  });

  it('terminate: ok with exited true, and the child exits by SIGTERM', async () => {
    const target = own('sc-term');
    await track(asListed(target));
    expect((await act(target.pid, { action: 'terminate' }).expect(200)).body).toEqual({ ok: true, result: 'ok', exited: true });
    expect(await target.exited).toBe('SIGTERM');
    expect(await lastEvent()).toMatchObject({ severity: 'warning', details: { pid: target.pid, action: 'terminate', result: 'ok' } });
  });

  it('kill: ok, the child exits by SIGKILL; a second kill of the exited PID is ok:false, not found', async () => {
    const target = own('sc-kill');
    await track(asListed(target));
    expect((await act(target.pid, { action: 'kill' }).expect(200)).body).toEqual({ ok: true, result: 'ok', exited: true });
    expect(await target.exited).toBe('SIGKILL');
    const again = (await act(target.pid, { action: 'kill' }).expect(200)).body;
    expect(again).toEqual({ ok: false, result: 'not_found', error: `process no longer exists (pid=${target.pid}, name='sc-kill')` });
    expect((await lastEvent()).details).toMatchObject({ pid: target.pid, result: 'not_found' });
  });

  it('the PID-reuse guard: a listed start time that differs from the process now is refused, the child untouched', async () => {
    const target = own('sc-reused');
    const real = asListed(target);
    await track({ ...real, create_time: real.create_time - 120 });
    for (const action of ['kill', 'lower_priority']) {
      const body = (await act(target.pid, { action }).expect(200)).body;
      expect(body).toEqual({
        ok: false,
        result: 'refused',
        error: expect.stringMatching(new RegExp(`PID ${target.pid} now belongs to another process .*the PID was reused`)),
      });
    }
    expect(alive(target)).toBe(true);
    expect(niceness(target.pid)).toBe(0);
    expect((await lastEvent()).details).toMatchObject({ pid: target.pid, action: 'lower_priority', result: 'refused' });
  });

  it('a child the engine does not track is refused and untouched', async () => {
    const untracked = own('sc-untracked');
    await track(asListed(own('sc-listed')));
    const body = (await act(untracked.pid, { action: 'kill' }).expect(200)).body;
    expect(body).toEqual({
      ok: false,
      result: 'refused',
      error: `PID ${untracked.pid} is not a process this engine tracks: only processes listed by GET /api/v1/processes can be acted on`,
    });
    expect(alive(untracked)).toBe(true);
  });

  it('a process on the deny-list (a child named sshd) is refused and untouched', async () => {
    const sshd = own('sshd');
    await track(asListed(sshd));
    const body = (await act(sshd.pid, { action: 'terminate' }).expect(200)).body;
    expect(body).toEqual({ ok: false, result: 'refused', error: `sshd (PID ${sshd.pid}) is a critical system process (the engine's deny-list)` });
    expect(alive(sshd)).toBe(true);
  });

  it.each([
    [0, /PID 0 is never acted on/],
    [-3, /PID -3 is never acted on/],
    [process.pid, /this engine's own process/],
  ])('pid %p is refused before any lookup', async (pid, error) => {
    // lower_priority: were a rule missing, the worst would be a renice, which the niceness check would show.
    expect((await act(pid, { action: 'lower_priority' }).expect(200)).body).toEqual({ ok: false, result: 'refused', error: expect.stringMatching(error) });
    expect(niceness(process.pid)).toBe(0);
  });

  it.each([
    ['an unknown action', { action: 'stop' }],
    ['a case-mismatched action', { action: 'KILL' }],
    ['no action', {}],
    ['a null action', { action: null }],
  ])('%s is ok:false with the earlier engine’s text', async (_what, body) => {
    const target = own('sc-keep');
    await track(asListed(target));
    expect((await act(target.pid, body).expect(200)).body).toEqual({
      ok: false,
      result: 'refused',
      error: "Invalid action; use one of ['kill', 'lower_priority', 'normal_priority', 'terminate']",
    });
    expect(alive(target)).toBe(true);
  });

  it.each([
    ['a non-integer pid', 'abc', { action: 'kill' }, 'pid'],
    ['a fractional pid', '12.5', { action: 'kill' }, 'pid'],
    ['a body that is an array', 4242, [{ action: 'kill' }], 'body'],
    ['a body that is a string', 4242, '"kill"', 'body'],
    ['a non-string action', 4242, { action: 5 }, 'action'],
    ['an unknown key', 4242, { action: 'kill', force: true }, 'force'],
  ])('%s is 400 naming the field', async (_what, pid, body, field) => {
    const req = http().post(`/api/v1/processes/${pid}/action`).set('authorization', `Bearer ${TOKEN}`).set('content-type', 'application/json');
    const res = await req.send(typeof body === 'string' ? body : JSON.stringify(body)).expect(400);
    expect(JSON.stringify(res.body.message)).toContain(field);
  });

  it('with SENTRACORE_API_TOKEN set, the route needs the bearer token (401 without, nothing done)', async () => {
    const target = own('sc-auth');
    await track(asListed(target));
    await act(target.pid, { action: 'kill' }, null).expect(401);
    await act(target.pid, { action: 'kill' }, 'wrong').expect(401);
    expect(alive(target)).toBe(true);
  });
});

describe('POST /api/v1/processes/{pid}/action without SENTRACORE_API_TOKEN (e2e)', () => {
  let root: string;
  let harness: EngineHarness;
  let target: OwnChild;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sentracore-procs-notoken-'));
    mkdirSync(join(root, 'bin'));
    target = spawnOwn(join(root, 'bin'), 'sc-notoken', IDLE);
    await eventually('the child started', () => niceness(target.pid) === 0);
    const record = asListed(target);
    harness = await createEngineHarness(join(root, 'datastore'), () => ({ processes: [record] }), { sampling: { processRefreshCycles: 1 } });
    await harness.cycles(1);
  });

  afterAll(async () => {
    killAll([target]);
    await harness?.app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it(RUNS_AS_ROOT ? 'elevated (root) without a token: refused, the child untouched' : 'not elevated: acts without a token', async () => {
    const body = (await request(harness.app.getHttpServer()).post(`/api/v1/processes/${target.pid}/action`).send({ action: 'lower_priority' }).expect(200))
      .body;
    if (RUNS_AS_ROOT) {
      expect(body).toEqual({
        ok: false,
        result: 'refused',
        error: expect.stringContaining('runs elevated (root / Administrator) and SENTRACORE_API_TOKEN is not set'),
      });
      expect(niceness(target.pid)).toBe(0);
      expect(alive(target)).toBe(true);
    } else {
      expect(body).toEqual({ ok: true, result: 'ok' });
      expect(niceness(target.pid)).toBe(10);
    }
  });
});
