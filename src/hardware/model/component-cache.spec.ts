import { describe, expect, it } from '@jest/globals';
import { ComponentCache, type Measurement } from './component-cache.js';
import { failedComponent } from './component-report.js';
import { assembleReport } from './report.js';

const measurement = (status: string, measuredAtMs: number): Measurement => ({
  report: { status, metrics: {}, issues: [], items: [] },
  measuredAtMs,
  probeMs: 5,
});

describe('ComponentCache: the TTL counts from when the probe finished', () => {
  it('serves a measurement until ttl after it finished, never after', () => {
    const cache = new ComponentCache(30_000);
    // A 25 s probe that started at 0 finished at 25 000: still valid at 54 999 (the earlier engine had it expire at 30 000).
    cache.store('disks', measurement('healthy', 25_000));
    expect(cache.fresh('disks', 54_999)).toBeDefined();
    expect(cache.fresh('disks', 55_000)).toBeUndefined();
  });

  it('ages each component on its own', () => {
    const cache = new ComponentCache(30_000);
    cache.store('cpu', measurement('healthy', 0));
    cache.store('memory', measurement('healthy', 20_000));
    expect(cache.fresh('cpu', 35_000)).toBeUndefined();
    expect(cache.fresh('memory', 35_000)).toBeDefined();
    expect(cache.fresh('disks', 35_000)).toBeUndefined();
  });

  it('keeps the newer of two measurements that finish out of order', () => {
    const cache = new ComponentCache(30_000);
    cache.store('cpu', measurement('warning', 10_000));
    cache.store('cpu', measurement('healthy', 9_000));
    expect(cache.fresh('cpu', 10_000)?.report.status).toBe('warning');
  });
});

describe('assembleReport', () => {
  it('overall is the worst status; ts is the oldest measurement shown; each component says when it was measured', () => {
    const report = assembleReport(
      { cpu: measurement('healthy', 1_000_500), memory: measurement('warning', 1_000_000), disks: measurement('unknown', 1_002_000) },
      1_003_000,
      30,
    );
    expect(report.ok).toBe(true);
    expect(report.overall).toBe('warning');
    expect(report.ts).toBe(1000);
    expect(report.components.cpu).toEqual({ status: 'healthy', metrics: {}, issues: [], items: [], measured_at: 1000.5, probe_ms: 5 });
  });

  it('a component without a valid measurement is the empty unknown shape, saying why', () => {
    const report = assembleReport({ cpu: { report: failedComponent('probe_failed: boom'), measuredAtMs: 2000, probeMs: 1 } }, 5000, 30);
    expect(report.components.memory).toEqual({
      status: 'unknown',
      metrics: {},
      issues: ['not measured in the last 30 s; refresh to probe it'],
      items: [],
      measured_at: null,
      probe_ms: null,
    });
    expect(report.components.cpu.issues).toEqual(['probe_failed: boom']);
    expect(report.overall).toBe('unknown');
    expect(report.ts).toBe(2);
  });

  it('with nothing measured, ts is now', () => {
    expect(assembleReport({}, 7000, 30).ts).toBe(7);
  });
});
