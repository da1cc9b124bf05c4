import { describe, expect, it } from '@jest/globals';
import { ManualClock } from '../common/clock.js';
import { HardwareHealthService } from './hardware-health.service.js';
import { DEFAULT_HARDWARE_OPTIONS, type HardwareOptions } from './hardware.options.js';
import { FakeHardwareHost } from './host/fake-hardware-host.fixture.js';
import type { ComponentName, ComponentReport } from './model/component-report.js';
import type { PlatformProbe } from './probes/platform-probe.js';
import type { Counters } from './probes/rate-window.js';

const report = (status: string, note = ''): ComponentReport => ({ status, metrics: { note }, issues: [], items: [] });

/** A probe whose components answer when the test says so, recording every call in order. */
class ScriptedProbe implements PlatformProbe {
  readonly calls: string[] = [];
  statuses: Record<ComponentName, string> = { cpu: 'healthy', memory: 'healthy', disks: 'healthy' };
  /** While true, component probes wait for release(). */
  hold = false;
  failing?: ComponentName;
  hanging?: ComponentName;
  private waiting: (() => void)[] = [];
  private runs = 0;

  constructor(private readonly clock: ManualClock) {}

  count(name: string): number {
    return this.calls.filter((call) => call === name).length;
  }

  release(advanceMs = 0): void {
    this.clock.advance(advanceMs);
    this.hold = false;
    for (const resume of this.waiting.splice(0)) resume();
  }

  counters(): Promise<Counters> {
    this.calls.push('counters');
    return Promise.resolve({ atMs: 0, cpu: [] });
  }

  private async answer(name: ComponentName): Promise<ComponentReport> {
    this.calls.push(name);
    const run = ++this.runs;
    if (this.hold) await new Promise<void>((resume) => this.waiting.push(resume));
    if (this.hanging === name) await new Promise(() => undefined);
    if (this.failing === name) throw new Error('boom');
    return report(this.statuses[name], `run ${run}`);
  }

  cpu(): Promise<ComponentReport> {
    return this.answer('cpu');
  }
  memory(): Promise<ComponentReport> {
    return this.answer('memory');
  }
  disks(): Promise<ComponentReport> {
    return this.answer('disks');
  }
}

function setup(options: Partial<HardwareOptions> = {}) {
  const clock = new ManualClock(1_000_000);
  const probe = new ScriptedProbe(clock);
  const service = new HardwareHealthService(probe, new FakeHardwareHost(), clock, { ...DEFAULT_HARDWARE_OPTIONS, ...options });
  return { clock, probe, service };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('HardwareHealthService: single flight', () => {
  it('N concurrent requests share one probe run', async () => {
    const { probe, service } = setup();
    probe.hold = true;
    const answers = Array.from({ length: 8 }, () => service.health(false));
    await flush();
    probe.release();
    const reports = await Promise.all(answers);
    expect(['cpu', 'memory', 'disks', 'counters'].map((name) => probe.count(name))).toEqual([1, 1, 1, 2]);
    expect(new Set(reports.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it('10 concurrent refresh=true requests start one probe', async () => {
    const { probe, service } = setup();
    probe.hold = true;
    const answers = Array.from({ length: 10 }, () => service.health(true));
    await flush();
    probe.release();
    await Promise.all(answers);
    expect(['cpu', 'memory', 'disks'].map((name) => probe.count(name))).toEqual([1, 1, 1]);
  });

  it('a refresh after the probe finished starts a new one', async () => {
    const { probe, service } = setup();
    await service.health(true);
    await service.health(true);
    expect(probe.count('cpu')).toBe(2);
  });

  it('a refresh during a CPU test joins that CPU probe and probes the other two once', async () => {
    const { probe, service } = setup();
    probe.hold = true;
    const test = service.test('cpu');
    await flush();
    const refresh = service.health(true);
    await flush();
    probe.release();
    const [tested, refreshed] = await Promise.all([test, refresh]);
    expect(['cpu', 'memory', 'disks'].map((name) => probe.count(name))).toEqual([1, 1, 1]);
    expect(refreshed.components.cpu.metrics).toEqual(tested.components.cpu.metrics);
  });

  it('the commands of a batch start only after the CPU window closed; a disk test reads no window at all', async () => {
    const { probe, service } = setup();
    await service.health(true);
    expect(probe.calls.slice(0, 2)).toEqual(['counters', 'counters']);
    probe.calls.length = 0;
    await service.test('disks');
    expect(probe.calls).toEqual(['disks']);
  });
});

describe('HardwareHealthService: cache', () => {
  it('serves a measurement for 30 s counted from when its probe finished', async () => {
    const { clock, probe, service } = setup();
    probe.hold = true;
    const first = service.health(false);
    await flush();
    probe.release(20_000); // a 20 s probe
    const measured = await first;
    expect(measured.ts).toBe(1_020_000 / 1000);
    clock.advance(29_999);
    expect(await service.health(false)).toEqual(measured);
    expect(probe.count('cpu')).toBe(1);
    clock.advance(1);
    await service.health(false);
    expect(probe.count('cpu')).toBe(2);
  });

  it('refresh=true bypasses the cache and stores what it measured', async () => {
    const { probe, service } = setup();
    await service.health(false);
    probe.statuses.cpu = 'warning';
    expect((await service.health(true)).overall).toBe('warning');
    expect((await service.health(false)).overall).toBe('warning');
    expect(probe.count('cpu')).toBe(2);
  });

  it('re-probes only the components that expired', async () => {
    const { clock, probe, service } = setup();
    await service.health(false);
    clock.advance(20_000);
    await service.test('memory');
    clock.advance(15_000); // cpu and disks expired, memory is 15 s old
    await service.health(false);
    // memory's second run was the test: the refresh-less request re-probed cpu and disks only
    expect(['cpu', 'memory', 'disks'].map((name) => probe.count(name))).toEqual([2, 2, 2]);
  });
});

describe('HardwareHealthService: /test', () => {
  it('probes its component now, shows fresh peers from the cache and recomputes overall', async () => {
    const { clock, probe, service } = setup();
    await service.health(false);
    clock.advance(5_000);
    probe.statuses.disks = 'critical';
    const tested = await service.test('disks');
    expect(['cpu', 'memory', 'disks'].map((name) => probe.count(name))).toEqual([1, 1, 2]);
    expect(tested.overall).toBe('critical');
    expect(tested.components.cpu.measured_at).toBe(1_000_000 / 1000);
    expect(tested.components.disks.measured_at).toBe(1_005_000 / 1000);
    expect(tested.ts).toBe(1_000_000 / 1000);
  });

  it('never brings back expired peers, and never extends their life', async () => {
    const { clock, probe, service } = setup();
    await service.health(false);
    clock.advance(31_000);
    const tested = await service.test('cpu');
    expect(tested.components.memory).toEqual({
      status: 'unknown',
      metrics: {},
      issues: ['not measured in the last 30 s; refresh to probe it'],
      items: [],
      measured_at: null,
      probe_ms: null,
    });
    expect(tested.overall).toBe('unknown');
    await service.health(false); // cpu fresh, memory and disks expired: probed again
    expect(['cpu', 'memory', 'disks'].map((name) => probe.count(name))).toEqual([2, 2, 2]);
  });

  it('without any earlier measurement the peers are unknown', async () => {
    const { service } = setup();
    const tested = await service.test('memory');
    expect([tested.components.cpu.status, tested.components.memory.status, tested.components.disks.status]).toEqual(['unknown', 'healthy', 'unknown']);
  });
});

describe('HardwareHealthService: failures', () => {
  it('a probe that throws becomes unknown with the reason; the request still succeeds', async () => {
    const { probe, service } = setup();
    probe.failing = 'cpu';
    const health = await service.health(false);
    expect(health.components.cpu).toMatchObject({ status: 'unknown', metrics: {}, issues: ['probe_failed: boom'], items: [] });
    expect(health.components.memory.status).toBe('healthy');
    expect(health.overall).toBe('unknown');
  });

  it('a probe that never finishes is cut off at the deadline', async () => {
    const { probe, service } = setup({ probeDeadlineMs: 50 });
    probe.hanging = 'disks';
    const health = await service.health(false);
    expect(health.components.disks.issues).toEqual(['probe_failed: did not finish within 0.05 s']);
    expect(health.components.cpu.status).toBe('healthy');
  });
});
