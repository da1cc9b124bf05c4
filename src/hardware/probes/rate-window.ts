import type { CpuTimes } from '../host/hardware-host.js';

/** Counters read at the start and the end of a probe's window. */
export interface Counters {
  atMs: number;
  cpu: CpuTimes[];
  /** Bytes swapped in and out since boot, where the platform counts them. */
  swap?: { inBytes: number; outBytes: number };
}

/**
 * The window the CPU load and the swap rates are measured over: two readings a moment apart, taken
 * by the hardware probe itself, so the engine's own sampling state is never touched.
 */
export interface RateWindow {
  start: Counters;
  end: Counters;
}

/** Busy percent of each logical CPU between two readings of `os.cpus()` times. */
export function perCoreBusyPct(before: CpuTimes[], after: CpuTimes[]): number[] {
  const count = Math.min(before.length, after.length);
  const busy: number[] = [];
  for (let i = 0; i < count; i++) {
    const a = before[i];
    const b = after[i];
    const total = b.user + b.nice + b.sys + b.idle + b.irq - (a.user + a.nice + a.sys + a.idle + a.irq);
    const idle = b.idle - a.idle;
    busy.push(total > 0 ? Math.min(100, Math.max(0, (1 - idle / total) * 100)) : 0);
  }
  return busy;
}

/** Swap-in and swap-out bytes per second over the window; nulls without counters. */
export function swapRates(window: RateWindow): { inBps: number | null; outBps: number | null } {
  const { start, end } = window;
  const seconds = (end.atMs - start.atMs) / 1000;
  if (!start.swap || !end.swap || seconds <= 0) return { inBps: null, outBps: null };
  return {
    inBps: Math.max(0, (end.swap.inBytes - start.swap.inBytes) / seconds),
    outBps: Math.max(0, (end.swap.outBytes - start.swap.outBytes) / seconds),
  };
}
