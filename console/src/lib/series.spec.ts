import { describe, expect, it } from '@jest/globals';
import { toColumns } from './series';

describe('toColumns', () => {
  it('lays samples out as uPlot columns, keeping nulls as gaps', () => {
    const samples = [
      { at: 10, cpu_percent: 1, mem_percent: 2, disk_pressure_percent: 3, stress_score: 4, stability_score: 5 },
      { at: 20, cpu_percent: null, mem_percent: 7, disk_pressure_percent: 8, stress_score: null, stability_score: 9 },
    ];
    expect(toColumns(samples)).toEqual({
      resources: [
        [10, 20],
        [1, null],
        [2, 7],
        [3, 8],
      ],
      scores: [
        [10, 20],
        [4, null],
        [5, 9],
      ],
    });
  });
});
