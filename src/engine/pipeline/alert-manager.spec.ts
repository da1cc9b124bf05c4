import { describe, it, expect } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { AlertManager, breachedResources, type AlertRecord } from './alert-manager.js';
import { CorrelationEngine } from './correlation-engine.js';
import { stressRecord } from './pipeline.fixture.js';
import type { ResourceValues, StressRecord } from './stress-engine.js';

const RUNTIME = new URL('../../../test/fixtures/reference-datastore/state/runtime.json', import.meta.url);
const referenceAlerts = (JSON.parse(readFileSync(RUNTIME, 'utf8')) as { alerts_recent: AlertRecord[] }).alerts_recent;
const THRESHOLDS: ResourceValues = { cpu: 85, memory: 85, disk: 80 };
const HOT = stressRecord({ cpu: 90, memory: 40, disk: 10 }, 60);
const CALM = stressRecord({ cpu: 20, memory: 40, disk: 10 }, 20);

/** Runs one cycle per entry, 2 s apart from `start`; returns which cycles fired. */
function run(manager: AlertManager, stresses: StressRecord[], start = 0): boolean[] {
  return stresses.map(
    (stress, i) => manager.evaluate({ timestamp: start + 2 * i, stress, thresholds: THRESHOLDS, processes: () => [], events: () => [] }) !== null,
  );
}

const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('breachedResources', () => {
  it.each([
    [{ cpu: 84.99, memory: 10, disk: 10 }, []],
    [{ cpu: 85, memory: 10, disk: 10 }, ['cpu']],
    [{ cpu: 10, memory: 90, disk: 80 }, ['memory', 'disk']],
  ])('%p breaches %p', (pressures, expected) => {
    expect(breachedResources(pressures, THRESHOLDS)).toEqual(expected);
  });
});

describe('AlertManager', () => {
  it('fires on exactly the 5th breaching cycle in a row', () => {
    const manager = new AlertManager(new CorrelationEngine());
    expect(run(manager, times(5, HOT))).toEqual([false, false, false, false, true]);
    expect(manager.state(8)).toMatchObject({
      total_fired: 1,
      in_cooldown: true,
      cooldown_total_sec: 60,
      cooldown_remaining_sec: 60,
      consecutive_high: 5,
    });
  });

  it('starts counting again after a calm cycle', () => {
    const manager = new AlertManager(new CorrelationEngine());
    expect(run(manager, [...times(4, HOT), CALM, ...times(5, HOT)])).toEqual([...times(9, false), true]);
  });

  it('stays quiet for 60 s after an alert, then fires again while the breach lasts', () => {
    const manager = new AlertManager(new CorrelationEngine());
    const fired = run(manager, times(35, HOT)); // t = 0..68; first alert at t = 8
    expect(fired.flatMap((f, i) => (f ? [2 * i] : []))).toEqual([8, 68]);
    expect(manager.state(68)).toMatchObject({ in_cooldown: true, cooldown_remaining_sec: 60, consecutive_high: 35, total_fired: 2 });
  });

  it.each([
    [8, true, 60],
    [38, true, 30],
    [67.95, true, 0.05], // 2 decimals, as the earlier engine
    [68, false, 0],
    [500, false, 0],
  ])('at t=%p after an alert at t=8: in cooldown %p, %p s left', (now, inCooldown, remaining) => {
    const manager = new AlertManager(new CorrelationEngine());
    run(manager, times(5, HOT));
    expect(manager.state(now)).toMatchObject({ in_cooldown: inCooldown, cooldown_remaining_sec: remaining });
  });

  it('writes the message and root cause like the reference runtime.json alert', () => {
    const reference = referenceAlerts[0];
    const manager = new AlertManager(new CorrelationEngine());
    const stress: StressRecord = { score: 69.85, level: 'high', pressures: { cpu: 90, memory: 59.32, disk: 14.2 }, weights: HOT.weights };
    let alert: AlertRecord | null = null;
    for (let i = 0; i < 5; i += 1) {
      const input = {
        timestamp: reference.timestamp - 8 + 2 * i,
        stress,
        thresholds: THRESHOLDS,
        processes: () => reference.top_contributors,
        events: () => [],
      };
      alert = manager.evaluate(input);
    }
    expect(alert).toEqual(reference);
  });

  it("keeps the top 5 contributors and names every breached resource in the earlier engine's words", () => {
    const manager = new AlertManager(new CorrelationEngine(), { requiredCycles: 1 });
    const processes = referenceAlerts[0].top_contributors;
    const stress = stressRecord({ cpu: 86.4, memory: 91.5, disk: 80 }, 72.5);
    const alert = manager.evaluate({ timestamp: 100, stress, thresholds: THRESHOLDS, processes: () => [...processes, ...processes], events: () => [] });
    expect(alert?.top_contributors).toEqual(processes);
    // Python's .0f: 91.5 and 72.5 are ties and go to the even 92 and 72
    expect(alert?.message).toBe(
      'Resource alert (CPU pressure 86% (threshold 85%); Memory pressure 92% (threshold 85%); Disk pressure 80% (threshold 80%)). ' +
        'Stress moderate (72/100), sustained ~2s. Root cause: System is experiencing critical MEMORY pressure.',
    );
  });

  it('rounds the stress score and the contributors for the wire', () => {
    const manager = new AlertManager(new CorrelationEngine(), { requiredCycles: 1 });
    const stress = stressRecord({ cpu: 90, memory: 40, disk: 10 }, 61.2345);
    const raw = { ...referenceAlerts[0].top_contributors[0], avg_cpu_percent: 58.3949, impact_score: 35.03694 };
    const alert = manager.evaluate({ timestamp: 100, stress, thresholds: THRESHOLDS, processes: () => [raw], events: () => [] });
    expect(alert?.stress_score).toBe(61.23);
    expect(alert?.top_contributors[0]).toMatchObject({ avg_cpu_percent: 58.39, impact_score: 35.04 });
  });

  it('keeps the last 50 alerts and lists them all in the status, compact as the earlier engine', () => {
    const manager = new AlertManager(new CorrelationEngine(), { requiredCycles: 1, cooldownSec: 0 });
    run(manager, times(60, HOT));
    const state = manager.state(118);
    expect(manager.recent()).toHaveLength(50);
    expect(manager.recent()[0].timestamp).toBe(118);
    expect(manager.recent()[49].timestamp).toBe(20);
    expect(state.total_fired).toBe(60);
    expect(state.recent_alerts.map((a) => a.timestamp)).toEqual(manager.recent().map((a) => a.timestamp));
    expect(Object.keys(state.recent_alerts[0])).toEqual(['timestamp', 'stress_score', 'level', 'message']);
    expect(state.last_alert?.timestamp).toBe(118);
  });

  it('restores the reference checkpoint alerts and their cooldown', () => {
    const manager = new AlertManager(new CorrelationEngine());
    const last = referenceAlerts[0].timestamp;
    expect(manager.restore(referenceAlerts)).toBe(1);
    expect(manager.state(last + 20)).toMatchObject({ total_fired: 0, in_cooldown: true, cooldown_remaining_sec: 40, last_alert: referenceAlerts[0] });
    expect(run(manager, times(5, HOT), last + 2)).toEqual(times(5, false)); // still cooling down
  });

  // Issue 21 item 3: an alert dated in the future blocked every later alert (in_cooldown with 60 s left).
  it.each([
    ['1e308', 1e308],
    ['a day ahead', 1_800_000_000 + 86_400],
  ])('a restored alert dated %s never blocks: no cooldown, the next breach alerts', (_name, timestamp) => {
    const manager = new AlertManager(new CorrelationEngine());
    manager.restore([{ ...referenceAlerts[0], timestamp }], { wall: 1_800_000_000, monotonic: 5 });
    expect(manager.state(5)).toMatchObject({ in_cooldown: false, cooldown_remaining_sec: 0 });
    const fired = times(5, HOT).map((stress, i) =>
      manager.evaluate({ timestamp: 1_800_000_000 + 2 * i, monotonic: 5 + 2 * i, stress, thresholds: THRESHOLDS, processes: () => [], events: () => [] }),
    );
    expect(fired.map((a) => a !== null)).toEqual([...times(4, false), true]);
  });

  it('the cooldown runs on the monotonic clock: a wall clock that jumps either way neither ends nor extends it', () => {
    const manager = new AlertManager(new CorrelationEngine());
    const at = (wall: number, mono: number) =>
      manager.evaluate({ timestamp: wall, monotonic: mono, stress: HOT, thresholds: THRESHOLDS, processes: () => [], events: () => [] });
    for (let i = 0; i < 5; i++) at(1000 + 2 * i, 2 * i); // fires at mono 8
    expect(manager.state(8).total_fired).toBe(1);
    expect(at(1000 + 40 * 86_400, 10)).toBeNull(); // wall +40 days: still cooling down
    expect(manager.state(10).cooldown_remaining_sec).toBe(58);
    expect(at(1000 - 40 * 86_400, 67)).toBeNull(); // wall -40 days: ends on time, not later
    expect(at(1000 - 40 * 86_400, 68)).not.toBeNull();
  });

  it('in a pure replay (no monotonic clock), a timestamp before the last alert does not extend the cooldown', () => {
    const manager = new AlertManager(new CorrelationEngine());
    expect(run(manager, times(5, HOT), 1000)).toEqual([...times(4, false), true]);
    expect(run(manager, times(1, HOT), 1000 - 40 * 86_400)).toEqual([true]);
  });

  it('counts in total_fired only the alerts fired since this start; restored ones stay listed', () => {
    const manager = new AlertManager(new CorrelationEngine());
    const last = referenceAlerts[0].timestamp;
    manager.restore(referenceAlerts);
    expect(run(manager, times(5, HOT), last + 100)).toEqual([...times(4, false), true]);
    const state = manager.state(last + 110);
    expect(state.total_fired).toBe(1);
    expect(state.recent_alerts).toHaveLength(2);
    const { timestamp, stress_score, level, message } = referenceAlerts[0];
    expect(state.recent_alerts[1]).toEqual({ timestamp, stress_score, level, message });
  });

  it('drops malformed checkpoint entries and sorts newest first', () => {
    const manager = new AlertManager(new CorrelationEngine());
    const alert = (timestamp: number): AlertRecord => ({ ...referenceAlerts[0], timestamp });
    expect(manager.restore([alert(5), null, { timestamp: 'x' }, alert(9), { ...alert(7), message: 3 }])).toBe(2);
    expect(manager.recent().map((a) => a.timestamp)).toEqual([9, 5]);
    expect(manager.restore('nonsense')).toBe(0);
    expect(manager.state(0)).toMatchObject({ total_fired: 0, last_alert: null, recent_alerts: [], in_cooldown: false });
  });
});
