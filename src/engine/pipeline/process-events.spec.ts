import { describe, it, expect } from '@jest/globals';
import type { ProcessRecord } from '../../telemetry/snapshot.record.js';
import type { EventRecord } from './event-logger.js';
import { ProcessEvents } from './process-events.js';

function proc(pid: number, name = `p${pid}`, cpu = 12.345, memory = 3.1): ProcessRecord {
  return { pid, name, cpu_percent: cpu, memory_percent: memory, memory_rss: 0, status: 'running', create_time: 0 };
}

const kinds = (events: EventRecord[]): string[] => events.map((e) => `${e.event_type}:${String(e.details.pid)}`);

describe('ProcessEvents without running pids (a replayed trace): the list is all there is', () => {
  it('sets the reference point on the first scan', () => {
    expect(new ProcessEvents().scan(0, [proc(1), proc(2)])).toEqual([]);
  });

  it("reports pids entering and leaving the list with the earlier engine's details", () => {
    const events = new ProcessEvents();
    events.scan(0, [proc(1, 'old'), proc(2)]);
    expect(events.scan(10, [proc(2), proc(3, 'render-worker', 24.555, 1.2)])).toEqual([
      {
        timestamp: 10,
        event_type: 'process_start',
        severity: 'info',
        details: {
          pid: 3,
          name: 'render-worker',
          cpu_percent: 24.55, // 24.555 is really 24.55499…
          memory_percent: 1.2,
          description: 'render-worker (PID 3) entered the top processes, 24.6% CPU, 1.2% memory',
        },
      },
      { timestamp: 10, event_type: 'process_stop', severity: 'info', details: { pid: 1, description: 'old (PID 1) left the top processes' } },
    ]);
  });

  it('stays quiet while the list does not change, and after an empty list starts over', () => {
    const events = new ProcessEvents();
    events.scan(0, [proc(1)]);
    expect(events.scan(10, [proc(1)])).toEqual([]);
    expect(kinds(events.scan(20, []))).toEqual(['process_stop:1']);
    expect(events.scan(30, [proc(5)])).toEqual([]); // as the earlier engine: nothing to compare an empty list with
  });
});

describe('ProcessEvents with running pids: real starts and exits', () => {
  it('is no event when a live process only moves out of or into the list', () => {
    const events = new ProcessEvents();
    events.scan(0, [proc(1), proc(2)], new Set([1, 2, 3]));
    expect(events.scan(10, [proc(2), proc(3)], new Set([1, 2, 3]))).toEqual([]); // 1 left the list, 3 entered it: both alive before and after
  });

  it('reports a listed process that was not alive at the previous scan as started', () => {
    const events = new ProcessEvents();
    events.scan(0, [proc(1)], new Set([1]));
    const [start] = events.scan(10, [proc(1), proc(4, 'cc1plus')], new Set([1, 4]));
    expect(start).toMatchObject({
      event_type: 'process_start',
      details: { pid: 4, name: 'cc1plus', description: 'Process started: cc1plus (PID 4), 12.3% CPU, 3.1% memory' },
    });
  });

  it('reports the exit of a process once listed, even after it left the list', () => {
    const events = new ProcessEvents();
    events.scan(0, [proc(1, 'leaky-svc'), proc(2)], new Set([1, 2]));
    expect(events.scan(10, [proc(2)], new Set([1, 2]))).toEqual([]); // dropped out, still alive
    expect(events.scan(20, [proc(2)], new Set([2]))).toEqual([
      { timestamp: 20, event_type: 'process_stop', severity: 'info', details: { pid: 1, description: 'Process exited: leaky-svc (PID 1)' } },
    ]);
    expect(events.scan(30, [proc(2)], new Set([2]))).toEqual([]); // reported once
  });

  it('does not report processes that were never listed', () => {
    const events = new ProcessEvents();
    events.scan(0, [proc(1)], new Set([1, 8, 9]));
    expect(events.scan(10, [proc(1)], new Set([1, 10]))).toEqual([]);
  });

  it('goes by the list when the previous scan had no running pids', () => {
    const events = new ProcessEvents();
    events.scan(0, [proc(1)]);
    const [start] = events.scan(10, [proc(1), proc(2)], new Set([1, 2]));
    expect(start.details.description).toBe('p2 (PID 2) entered the top processes, 12.3% CPU, 3.1% memory');
  });
});
