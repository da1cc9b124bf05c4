import { beforeEach, describe, expect, it } from '@jest/globals';
import { ManualClock } from '../common/manual-clock.fixture.js';
import type { SentraCoreOptions } from '../config/sentra-core-options.js';
import type { EngineService } from '../engine/engine.service.js';
import type { PreferencesService } from '../preferences/preferences.service.js';
import type { ProcessRecord } from '../telemetry/snapshot.record.js';
import { FakeProcessHost, listed } from './fake-process-host.fixture.js';
import { ProcessControlService } from './process-control.service.js';
import { SAFEGUARD_MAX_TERMINATIONS, SafeguardService } from './safeguard.service.js';

describe('SafeguardService (a fake process table)', () => {
  let host: FakeProcessHost;
  let tracked: ProcessRecord[];
  let preferences: { safeguard_enabled: boolean; safeguard_process_names: string[] };
  let options: { apiToken?: string };
  let safeguard: SafeguardService;
  let responder: (() => Promise<unknown>) | undefined;

  const listProcess = (pid: number, name: string) => {
    tracked.push(listed(pid, name, 2000 + pid));
    host.add({ pid, name, startTimeSec: 2000 + pid, ppid: 500, kernelThread: false });
  };

  beforeEach(() => {
    host = new FakeProcessHost();
    tracked = [];
    preferences = { safeguard_enabled: true, safeguard_process_names: ['backup-agent'] };
    options = {};
    const engine = {
      trackedProcesses: () => tracked,
      recordEvent: () => undefined,
      setAlertResponder: (r: () => Promise<unknown>) => (responder = r),
    } as unknown as EngineService;
    const clock = new ManualClock(Date.UTC(2026, 11, 2));
    const control = new ProcessControlService(engine, host, options as SentraCoreOptions, clock);
    safeguard = new SafeguardService(engine, { value: preferences } as unknown as PreferencesService, control, clock);
    safeguard.onModuleInit();
  });

  it('registers itself as the answer to fired alerts', () => {
    expect(responder).toBeDefined();
  });

  it('terminates only the named processes, matched without case or `.exe`', async () => {
    listProcess(1001, 'Backup-Agent.EXE');
    listProcess(1002, 'editor');
    listProcess(1003, 'backup-agent-helper');
    const actions = await safeguard.respond();
    expect(actions).toEqual([{ timestamp: expect.any(Number), pid: 1001, name: 'Backup-Agent.EXE', action: 'terminate', result: 'ok', error: null }]);
    expect(host.calls).toEqual(['SIGTERM 1001']);
  });

  it.each([
    ['disabled', { safeguard_enabled: false, safeguard_process_names: ['backup-agent'] }],
    ['enabled with no names', { safeguard_enabled: true, safeguard_process_names: [] }],
  ])('does nothing when %s', async (_what, prefs) => {
    Object.assign(preferences, prefs);
    listProcess(1001, 'backup-agent');
    expect(await safeguard.respond()).toEqual([]);
    expect(host.calls).toEqual([]);
  });

  it(`stops after ${SAFEGUARD_MAX_TERMINATIONS} terminations; refusals and failures do not count`, async () => {
    host.failWith.set(3000, 'EPERM');
    listProcess(3000, 'backup-agent'); // permission denied
    tracked.push(listed(3001, 'backup-agent', 1)); // listed, but its pid was reused: refused
    host.add({ pid: 3001, name: 'backup-agent', startTimeSec: 999, ppid: 1, kernelThread: false });
    for (let pid = 3002; pid < 3012; pid++) listProcess(pid, 'backup-agent');
    const actions = await safeguard.respond();
    expect(actions.map((a) => a.result)).toEqual(['permission_denied', 'refused', ...Array(8).fill('ok')]);
    expect(host.calls).toHaveLength(SAFEGUARD_MAX_TERMINATIONS);
    expect(host.table.has(3010)).toBe(true);
    expect(host.table.has(3011)).toBe(true);
  });

  it('follows the same rules as a manual action: the engine itself and the deny-list are refused', async () => {
    preferences.safeguard_process_names = ['node', 'sshd'];
    tracked.push(listed(500, 'node', 1000));
    listProcess(812, 'sshd');
    const actions = await safeguard.respond();
    expect(actions.map((a) => [a.pid, a.result, a.error])).toEqual([
      [500, 'refused', "PID 500 is this engine's own process"],
      [812, 'refused', "sshd (PID 812) is a critical system process (the engine's deny-list)"],
    ]);
    expect(host.calls).toEqual([]);
  });

  it('is refused as a whole when the engine is elevated without a token', async () => {
    host.isElevated = true;
    listProcess(1001, 'backup-agent');
    expect((await safeguard.respond()).map((a) => a.result)).toEqual(['refused']);
    expect(host.calls).toEqual([]);
    options.apiToken = 'set';
    expect((await safeguard.respond()).map((a) => a.result)).toEqual(['ok']);
  });
});
