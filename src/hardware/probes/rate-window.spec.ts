import { describe, expect, it } from '@jest/globals';
import { cpuTimes } from '../host/fake-hardware-host.fixture.js';
import { perCoreBusyPct, swapRates } from './rate-window.js';

describe('rate window', () => {
  it('per-core busy percent between two readings; an idle or vanished core reads 0', () => {
    expect(perCoreBusyPct([cpuTimes(0, 0), cpuTimes(10, 10), cpuTimes(5, 5)], [cpuTimes(75, 25), cpuTimes(10, 10)])).toEqual([75, 0]);
  });

  it('swap bytes per second; null without counters', () => {
    const start = { atMs: 0, cpu: [], swap: { inBytes: 0, outBytes: 8192 } };
    expect(swapRates({ start, end: { atMs: 500, cpu: [], swap: { inBytes: 4096, outBytes: 8192 } } })).toEqual({ inBps: 8192, outBps: 0 });
    expect(swapRates({ start: { atMs: 0, cpu: [] }, end: { atMs: 500, cpu: [] } })).toEqual({ inBps: null, outBps: null });
  });
});
