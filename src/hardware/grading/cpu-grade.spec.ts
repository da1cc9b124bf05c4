import { describe, expect, it } from '@jest/globals';
import { cpuReport, type CpuFacts } from './cpu-grade.js';

const facts = (overrides: Partial<CpuFacts> = {}): CpuFacts => ({
  perCorePct: [10, 20],
  coresPhysical: 2,
  freqCurrentMhz: 3000,
  freqMaxMhz: 4000,
  maxTempC: 50,
  sensors: [],
  coreThrottleCount: null,
  packageThrottleCount: null,
  throttleEventsSinceLastProbe: null,
  ...overrides,
});

describe('cpuReport grading (the earlier engine thresholds)', () => {
  it.each([
    ['calm', {}, 'healthy', []],
    ['temperature 80 °C', { maxTempC: 80 }, 'warning', ['CPU temperature 80°C is elevated']],
    ['temperature 92 °C', { maxTempC: 92 }, 'critical', ['CPU temperature 92°C is critical']],
    ['load 85 %', { perCorePct: [85, 85] }, 'warning', ['CPU load elevated at 85%']],
    ['load 95 %', { perCorePct: [95, 95] }, 'critical', ['CPU load sustained at 95%']],
    ['hot and loaded', { maxTempC: 85, perCorePct: [96, 96] }, 'critical', ['CPU temperature 85°C is elevated', 'CPU load sustained at 96%']],
    ['clock at 50 % under 60 % load', { perCorePct: [60, 60], freqCurrentMhz: 2000 }, 'warning', ['CPU clock at 50% of max while under 60% load']],
    ['clock at 50 % while idle', { perCorePct: [5, 5], freqCurrentMhz: 2000 }, 'healthy', []],
    ['no temperature', { maxTempC: null }, 'healthy', []],
    ['throttled since the last probe', { throttleEventsSinceLastProbe: 4 }, 'warning', ['CPU thermally throttled 4 times since the last check']],
  ] as const)('%s → %s', (_, overrides, status, issues) => {
    const report = cpuReport(facts(overrides as Partial<CpuFacts>));
    expect(report.status).toBe(status);
    expect(report.issues).toEqual(issues);
  });

  it('writes the earlier engine metrics, rounded as it rounds them', () => {
    const report = cpuReport(facts({ perCorePct: [10.04, 30.06, 20], freqCurrentMhz: 1234.56, freqMaxMhz: 4600, maxTempC: 51.25 }));
    expect(report.metrics).toEqual({
      load_avg_pct: 20.0,
      load_max_core_pct: 30.1,
      cores_logical: 3,
      cores_physical: 2,
      load_core_stdev: 8.17,
      freq_current_mhz: 1234.6,
      freq_max_mhz: 4600,
      freq_ratio: 0.268,
      max_temp_c: 51.3,
      sensors: [],
      core_throttle_count: null,
      package_throttle_count: null,
    });
    expect(report.items).toEqual([]);
  });

  it('leaves out freq_ratio without a maximum and load_core_stdev with one CPU', () => {
    const metrics = cpuReport(facts({ perCorePct: [40], freqMaxMhz: null })).metrics;
    expect(metrics).not.toHaveProperty('freq_ratio');
    expect(metrics).not.toHaveProperty('load_core_stdev');
    expect(metrics.freq_max_mhz).toBeNull();
  });
});
