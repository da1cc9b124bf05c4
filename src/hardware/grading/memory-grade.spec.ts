import { describe, expect, it } from '@jest/globals';
import { memoryReport, type MemoryFacts } from './memory-grade.js';

const GIB = 1024 ** 3;
const facts = (overrides: Partial<MemoryFacts> = {}): MemoryFacts => ({
  totalBytes: 16 * GIB,
  usedBytes: 4 * GIB,
  availableBytes: 12 * GIB,
  swap: { totalBytes: 4 * GIB, usedBytes: 0 },
  swapInBps: 0,
  swapOutBps: 0,
  correctedErrors: null,
  uncorrectedErrors: null,
  modules: [],
  ...overrides,
});

describe('memoryReport grading', () => {
  it.each([
    ['calm', {}, 'healthy', []],
    ['RAM 90 %', { availableBytes: 1.6 * GIB }, 'warning', ['Memory utilisation at 90%']],
    ['RAM 95 %', { availableBytes: 0.8 * GIB }, 'critical', ['Memory utilisation at 95%']],
    ['swap 30 %', { swap: { totalBytes: 10 * GIB, usedBytes: 3 * GIB } }, 'warning', ['Swap utilisation at 30%']],
    ['swap 80 %', { swap: { totalBytes: 10 * GIB, usedBytes: 8 * GIB } }, 'critical', ['Swap utilisation at 80%']],
    ['paging 6 MiB/s', { swapOutBps: 6 * 1024 * 1024 }, 'warning', ['Active paging to disk']],
    ['2 corrected ECC errors', { correctedErrors: 2 }, 'warning', ['2 corrected memory errors reported by EDAC']],
    ['1 uncorrectable ECC error', { uncorrectedErrors: 1, correctedErrors: 0 }, 'critical', ['1 uncorrectable memory errors reported by EDAC']],
  ] as const)('%s → %s', (_, overrides, status, issues) => {
    const report = memoryReport(facts(overrides as Partial<MemoryFacts>));
    expect(report.status).toBe(status);
    expect(report.issues).toEqual(issues);
  });

  it('percent is (total − available) / total; swap rates as measured, null without counters', () => {
    const report = memoryReport(facts({ availableBytes: 5 * GIB, swapInBps: null, swapOutBps: 1234.56 }));
    expect(report.metrics).toEqual({
      total_bytes: 16 * GIB,
      used_bytes: 4 * GIB,
      available_bytes: 5 * GIB,
      percent: 68.8,
      swap_total_bytes: 4 * GIB,
      swap_used_bytes: 0,
      swap_percent: 0,
      swap_in_bps: null,
      swap_out_bps: 1234.6,
      edac_corrected_errors: null,
      edac_uncorrected_errors: null,
    });
  });

  it('swap that cannot be read is only swap_total_bytes: null, as the earlier engine writes it', () => {
    const metrics = memoryReport(facts({ swap: null })).metrics;
    expect(metrics.swap_total_bytes).toBeNull();
    expect(metrics).not.toHaveProperty('swap_used_bytes');
    expect(metrics).not.toHaveProperty('swap_percent');
  });
});
