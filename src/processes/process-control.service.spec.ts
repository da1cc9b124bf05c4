import { beforeEach, describe, expect, it } from '@jest/globals';
import { ManualClock } from '../common/manual-clock.fixture.js';
import type { SentraCoreOptions } from '../config/sentra-core-options.js';
import type { EngineService } from '../engine/engine.service.js';
import type { EventRecord } from '../engine/engine.types.js';
import type { ProcessRecord } from '../telemetry/snapshot.record.js';
import { FakeProcessHost, listed } from './fake-process-host.fixture.js';
import { INVALID_ACTION, ProcessControlService } from './process-control.service.js';

describe('ProcessControlService (a fake process table)', () => {
  let host: FakeProcessHost;
  let tracked: ProcessRecord[];
  let events: EventRecord[];
  let options: { apiToken?: string };
  let service: ProcessControlService;

  beforeEach(() => {
    host = new FakeProcessHost();
    host.add({ pid: 4242, name: 'burner', startTimeSec: 1500.25, ppid: 500, kernelThread: false });
    tracked = [listed(4242, 'burner', 1500.25)];
    events = [];
    options = {};
    const engine = { trackedProcesses: () => tracked, recordEvent: (e: EventRecord) => events.push(e) } as unknown as EngineService;
    service = new ProcessControlService(engine, host, options as SentraCoreOptions, new ManualClock(Date.UTC(2026, 11, 2)));
  });

  it.each([
    ['terminate', 'SIGTERM 4242'],
    ['kill', 'SIGKILL 4242'],
    ['lower_priority', 'nice 10 4242'],
    ['normal_priority', 'nice 0 4242'],
  ])('%s of a tracked, verified process: ok, and an event says so', async (action, call) => {
    const outcome = await service.request(4242, action);
    expect(outcome).toMatchObject({ ok: true, result: 'ok' });
    if (action === 'terminate' || action === 'kill') expect(outcome.exited).toBe(true);
    expect(host.calls).toEqual([call]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event_type: 'process_action', details: { pid: 4242, name: 'burner', action, result: 'ok', source: 'api', error: null } });
    expect(events[0].details.description).toMatch(/burner \(PID 4242\)/);
  });

  it.each(['KILL', '', 'stop', 'terminate '])('an unknown action %j is ok:false with the earlier engine’s text, nothing done', async (action) => {
    expect(await service.request(4242, action)).toEqual({ ok: false, result: 'refused', error: INVALID_ACTION });
    expect(INVALID_ACTION).toBe("Invalid action; use one of ['kill', 'lower_priority', 'normal_priority', 'terminate']");
    expect(host.calls).toEqual([]);
  });

  const refusals: [string, () => void, number, RegExp, string][] = [
    ['PID 1', () => tracked.push(listed(1, 'systemd', 10)), 1, /PID 1 is never acted on/, 'refused'],
    ['PID 0', () => undefined, 0, /PID 0 is never acted on/, 'refused'],
    ['a negative PID', () => undefined, -7, /PID -7 is never acted on/, 'refused'],
    ['the engine itself', () => tracked.push(listed(500, 'node', 1000)), 500, /this engine's own process/, 'refused'],
    ['its parent (the dashboard)', () => tracked.push(listed(400, 'dashboard', 900)), 400, /this engine's parent process/, 'refused'],
    ['a grandparent', () => tracked.push(listed(300, 'bash', 800)), 300, /an ancestor of this engine's process/, 'refused'],
    [
      'an untracked process',
      () => host.add({ pid: 777, name: 'other', startTimeSec: 5, ppid: 1, kernelThread: false }),
      777,
      /not a process this engine tracks/,
      'refused',
    ],
    ['an untracked, absent PID', () => undefined, 778, /^Process not found$/, 'not_found'],
    ['a tracked process that exited', () => tracked.push(listed(779, 'gone', 5)), 779, /process no longer exists \(pid=779, name='gone'\)/, 'not_found'],
    [
      'a reused PID (start time differs)',
      () => {
        tracked.push(listed(780, 'burner', 1500));
        host.add({ pid: 780, name: 'burner', startTimeSec: 1600, ppid: 1, kernelThread: false });
      },
      780,
      /PID 780 now belongs to another process .* the PID was reused/,
      'refused',
    ],
    [
      'a reused PID (another program, same second)',
      () => {
        tracked.push(listed(781, 'burner', 1500));
        host.add({ pid: 781, name: 'sshd', startTimeSec: 1500.3, ppid: 1, kernelThread: false });
      },
      781,
      /the PID was reused/,
      'refused',
    ],
    [
      'an unknown start time',
      () => {
        tracked.push(listed(782, 'burner', 0));
        host.add({ pid: 782, name: 'burner', startTimeSec: 1500, ppid: 1, kernelThread: false });
      },
      782,
      /start time of burner \(PID 782\) is unknown/,
      'refused',
    ],
    [
      'a kernel thread',
      () => {
        tracked.push(listed(37, 'kworker/1:0H', 10));
        host.add({ pid: 37, name: 'kworker/1:0H', startTimeSec: 10, ppid: 2, kernelThread: true });
      },
      37,
      /is a kernel thread/,
      'refused',
    ],
    [
      'a deny-listed system process',
      () => {
        tracked.push(listed(812, 'sshd', 20));
        host.add({ pid: 812, name: 'sshd', startTimeSec: 20, ppid: 1, kernelThread: false });
      },
      812,
      /sshd \(PID 812\) is a critical system process/,
      'refused',
    ],
  ];

  it.each(refusals)('refuses %s with a reason, signals nothing, and records the refusal', async (_what, setUp, pid, error, result) => {
    setUp();
    const outcome = await service.request(pid, 'kill');
    expect(outcome).toEqual({ ok: false, result, error: expect.stringMatching(error) });
    expect(host.calls).toEqual([]);
    expect(events).toHaveLength(1);
    expect(events[0].details).toMatchObject({ pid, action: 'kill', result, error: outcome.error });
  });

  it('refuses every action when elevated without a token; with a token set it acts', async () => {
    host.isElevated = true;
    expect(await service.request(4242, 'lower_priority')).toEqual({
      ok: false,
      result: 'refused',
      error: expect.stringMatching(/SENTRACORE_API_TOKEN is not set/),
    });
    expect(host.calls).toEqual([]);
    options.apiToken = 'secret';
    expect(await service.request(4242, 'lower_priority')).toMatchObject({ ok: true });
    expect(host.calls).toEqual(['nice 10 4242']);
  });

  it.each([
    ['EPERM', 'terminate', 'permission_denied', /permission denied for burner \(PID 4242\): the process belongs to another user/],
    ['EACCES', 'normal_priority', 'permission_denied', /raising a process’s priority back needs elevation/],
    ['ESRCH', 'kill', 'not_found', /process no longer exists \(pid=4242, name='burner'\)/],
    ['EINVAL', 'kill', 'failed', /kill of burner \(PID 4242\) failed/],
  ])('maps %s from the OS on %s to %s with a readable error', async (code, action, result, error) => {
    host.failWith.set(4242, code);
    expect(await service.request(4242, action)).toEqual({ ok: false, result, error: expect.stringMatching(error) });
    expect(events[0].details).toMatchObject({ result });
  });

  it('reports exited: false when the process outlives the wait', async () => {
    host.exitOnSignal = false;
    expect(await service.act({ pid: 4242, action: 'terminate', source: 'api', waitForExitMs: 100 })).toEqual({ ok: true, result: 'ok', exited: false });
  });

  it('an unexpected failure while checking is ok:false, never a throw', async () => {
    host.inspect = () => Promise.reject(new Error('EIO reading /proc'));
    expect(await service.request(4242, 'kill')).toEqual({ ok: false, result: 'failed', error: expect.stringMatching(/EIO reading \/proc/) });
    expect(host.calls).toEqual([]);
  });

  it('on Windows, names compare without case or `.exe` and Windows’ own deny-list applies', async () => {
    host.platform = 'win32';
    tracked.push(listed(900, 'LSASS.EXE', 30), listed(901, 'Burner.exe', 40));
    host.add({ pid: 900, name: 'lsass.exe', startTimeSec: 30, ppid: 1, kernelThread: false });
    host.add({ pid: 901, name: 'burner.EXE', startTimeSec: 40, ppid: 1, kernelThread: false });
    expect(await service.request(900, 'kill')).toMatchObject({ ok: false, error: expect.stringMatching(/critical system process/) });
    expect(await service.request(901, 'kill')).toMatchObject({ ok: true });
  });
});
