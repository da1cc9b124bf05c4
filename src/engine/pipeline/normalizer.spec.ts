import { describe, it, expect } from '@jest/globals';
import type { SnapshotRecord } from '../../telemetry/snapshot.record.js';
import { Normalizer } from './normalizer.js';

interface Reading {
  t: number;
  cpu?: number;
  mem?: number;
  readBytes?: number;
  writeBytes?: number;
  reads?: number;
  writes?: number;
}

function snapshot(r: Reading): SnapshotRecord {
  return {
    timestamp: r.t,
    cpu: { percent: r.cpu ?? 0, per_core: [r.cpu ?? 0], logical_count: 1 },
    memory: { total: 1000, used: 400, available: 600, percent: r.mem ?? 40 },
    swap: { total: 100, used: 5, percent: 5 },
    disk_io: { read_bytes: r.readBytes ?? 0, write_bytes: r.writeBytes ?? 0, read_count: r.reads ?? 0, write_count: r.writes ?? 0 },
    processes: [],
  };
}

describe('Normalizer', () => {
  it('smooths cpu and memory with an EMA of α 0.3 seeded by the first reading', () => {
    const normalizer = new Normalizer();
    const smoothed = [10, 20, 20, 50].map((cpu, i) => normalizer.normalize(snapshot({ t: i * 2, cpu, mem: cpu })));
    // 10 → 0.3·20+0.7·10 = 13 → 0.3·20+0.7·13 = 15.1 → 0.3·50+0.7·15.1 = 25.57 (full precision)
    [10, 13, 15.1, 25.57].forEach((expected, i) => {
      expect(smoothed[i].cpu.smoothed).toBeCloseTo(expected, 12);
      expect(smoothed[i].memory.smoothed).toBeCloseTo(expected, 12);
    });
    expect(smoothed.map((n) => n.cpu.raw)).toEqual([10, 20, 20, 50]);
  });

  it('passes memory sizes and swap through', () => {
    const n = new Normalizer().normalize(snapshot({ t: 1, mem: 40 }));
    expect(n.memory).toMatchObject({ raw: 40, used: 400, available: 600, total: 1000 });
    expect(n.swap_percent).toBe(5);
  });

  it.each([
    [
      'first reading has no interval',
      [{ t: 10, reads: 500, writes: 500, readBytes: 9000 }],
      { read_ops_per_sec: 0, total_ops_per_sec: 0, total_bytes_per_sec: 0 },
    ],
    [
      'deltas over elapsed time',
      [
        { t: 10, reads: 100, writes: 50, readBytes: 1000, writeBytes: 2000 },
        { t: 12, reads: 300, writes: 51, readBytes: 5000, writeBytes: 2000 },
      ],
      { read_ops_per_sec: 100, write_ops_per_sec: 0.5, total_ops_per_sec: 100.5, read_bytes_per_sec: 2000, write_bytes_per_sec: 0, total_bytes_per_sec: 2000 },
    ],
    [
      'a counter reset clamps the negative delta to 0',
      [
        { t: 10, reads: 1000, writes: 1000 },
        { t: 14, reads: 10, writes: 1040 },
      ],
      { read_ops_per_sec: 0, write_ops_per_sec: 10, total_ops_per_sec: 10 },
    ],
    [
      'time not moving forward counts as one second, as in the earlier engine',
      [
        { t: 10, reads: 0 },
        { t: 10, reads: 100 },
      ],
      { read_ops_per_sec: 100 },
    ],
    [
      'rates follow the counters after a reset',
      [
        { t: 0, reads: 1000 },
        { t: 2, reads: 10 },
        { t: 4, reads: 30 },
      ],
      { read_ops_per_sec: 10, total_ops_per_sec: 10 },
    ],
  ])('disk rates: %s', (_name, readings, expected) => {
    const normalizer = new Normalizer();
    const last = readings.map((r) => normalizer.normalize(snapshot(r))).at(-1)!;
    expect(last.disk_io).toMatchObject(expected);
  });

  it.each([
    ['cpu', [79, 80, 85, 50, 90, 90], [false, false, true, false, false, true]],
    ['mem', [81, 70, 81, 81, 81, 79], [false, false, false, true, true, false]],
  ] as const)('%s spike needs 2 consecutive readings ≥ 80', (metric, values, expected) => {
    const normalizer = new Normalizer();
    const flags = values.map((v, i) => {
      const n = normalizer.normalize(snapshot({ t: i, [metric]: v }));
      return metric === 'cpu' ? n.cpu.spiking : n.memory.spiking;
    });
    expect(flags).toEqual(expected);
  });

  it('disk spike needs 2 consecutive readings ≥ 400 ops/s', () => {
    const normalizer = new Normalizer();
    const reads = [0, 800, 1600, 1800, 2600, 3400]; // ops/s at 2 s: –, 400, 400, 100, 400, 400
    const flags = reads.map((r, i) => normalizer.normalize(snapshot({ t: i * 2, reads: r })).disk_io.spiking);
    expect(flags).toEqual([false, false, true, false, false, true]);
  });

  it('reset forgets the EMA, the counters and the spike streaks', () => {
    const normalizer = new Normalizer();
    normalizer.normalize(snapshot({ t: 0, cpu: 90, reads: 0 }));
    normalizer.normalize(snapshot({ t: 2, cpu: 90, reads: 100 }));
    normalizer.reset();
    const n = normalizer.normalize(snapshot({ t: 4, cpu: 90, reads: 200 }));
    expect(n.cpu).toEqual({ raw: 90, smoothed: 90, spiking: false });
    expect(n.disk_io.read_ops_per_sec).toBe(0);
  });
});
