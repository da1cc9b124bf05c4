// Reads the REAL host: only presence, finiteness and sanity ranges are asserted.
import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SnapshotRecord } from './snapshot.record.js';
import { SystemTelemetrySource } from './system.source.js';

const isFiniteNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

function expectSane(snapshot: SnapshotRecord, timestamp: number): void {
  expect(snapshot.timestamp).toBe(timestamp);
  const { cpu, memory, swap, disk_io } = snapshot;
  expect(cpu.logical_count).toBeGreaterThan(0);
  expect(cpu.per_core).toHaveLength(cpu.logical_count);
  for (const percent of [cpu.percent, ...cpu.per_core, memory.percent, swap.percent]) {
    expect(isFiniteNumber(percent)).toBe(true);
    expect(percent).toBeGreaterThanOrEqual(0);
    expect(percent).toBeLessThanOrEqual(100);
  }
  expect(memory.total).toBeGreaterThan(0);
  expect(memory.available).toBeLessThanOrEqual(memory.total);
  expect(memory.used).toBeLessThanOrEqual(memory.total);
  expect(swap.used).toBeLessThanOrEqual(swap.total);
  for (const value of [memory.used, memory.available, swap.total, ...Object.values(disk_io)]) {
    expect(isFiniteNumber(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
  }
  expect(snapshot.processes.length).toBeGreaterThan(0);
  expect(snapshot.processes.length).toBeLessThanOrEqual(15);
  for (const p of snapshot.processes) {
    expect(Number.isInteger(p.pid)).toBe(true);
    expect(typeof p.name).toBe('string');
    expect(typeof p.status).toBe('string');
    for (const value of [p.cpu_percent, p.memory_percent, p.memory_rss, p.create_time]) {
      expect(isFiniteNumber(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
    expect(p.memory_percent).toBeLessThanOrEqual(100);
    expect(p.create_time).toBeLessThanOrEqual(Date.now() / 1000 + 5);
  }
}

describe('SystemTelemetrySource on this machine', () => {
  it('samples every figure, with processes, several times', async () => {
    const source = new SystemTelemetrySource();
    const snapshots: SnapshotRecord[] = [];
    for (let cycle = 0; cycle < 3; cycle++) {
      const timestamp = 1_767_225_600 + cycle * 2;
      const snapshot = await source.sample({ timestamp, withProcesses: true });
      expectSane(snapshot, timestamp);
      snapshots.push(snapshot);
      await sleep(300);
    }
    // Cumulative counters never go backwards between samples.
    expect(snapshots[2].disk_io.read_bytes).toBeGreaterThanOrEqual(snapshots[0].disk_io.read_bytes);
    // Without a refresh the previous list comes back as it was.
    const quiet = await source.sample({ timestamp: 1_767_225_610, withProcesses: false });
    expect(quiet.processes).toEqual(snapshots[2].processes);
  });
});
