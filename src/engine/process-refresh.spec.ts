import { describe, expect, it } from '@jest/globals';
import { ProcessRefreshPolicy } from './process-refresh.js';

const scannedCycles = (policy: ProcessRefreshPolicy, cycles: number, wanted: (cycle: number) => boolean) =>
  Array.from({ length: cycles }, (_, cycle) => cycle).filter((cycle) => policy.due(cycle, wanted(cycle)));

describe('ProcessRefreshPolicy', () => {
  it('scans the first cycle even when nothing wants the list', () => {
    expect(scannedCycles(new ProcessRefreshPolicy(5), 12, () => false)).toEqual([0]);
  });

  it('scans every N cycles while the list is wanted', () => {
    expect(scannedCycles(new ProcessRefreshPolicy(5), 16, () => true)).toEqual([0, 5, 10, 15]);
  });

  it('never scans more often than every N cycles, however often it is wanted', () => {
    expect(scannedCycles(new ProcessRefreshPolicy(3), 10, (cycle) => cycle % 2 === 0)).toEqual([0, 4, 8]);
  });

  it('scans on the first wanted cycle once N cycles have passed', () => {
    // e.g. a history sample due every 15 cycles on an unwatched, calm machine
    expect(scannedCycles(new ProcessRefreshPolicy(5), 46, (cycle) => cycle % 15 === 0)).toEqual([0, 15, 30, 45]);
  });

  it('with N = 1 scans exactly the wanted cycles', () => {
    expect(scannedCycles(new ProcessRefreshPolicy(1), 6, (cycle) => cycle !== 2)).toEqual([0, 1, 3, 4, 5]);
  });
});
