/**
 * Which cycles rescan the process list. SPEC §5 caps it at once every N cycles; within that
 * cap a scan runs only when something will read the list. The scan is the dearest part of a
 * cycle (bench/overhead.mjs: about a third of the engine's CPU when it ran every 5 cycles), and
 * an engine nobody watches on a calm machine only needs it for the next history sample.
 */
export class ProcessRefreshPolicy {
  private lastCycle: number | undefined;

  constructor(private readonly everyCycles: number) {}

  /** Decides for `cycle` (counted from 0) and remembers a yes; the first cycle always scans. */
  due(cycle: number, wanted: boolean): boolean {
    const last = this.lastCycle;
    if (last !== undefined && (!wanted || cycle - last < this.everyCycles)) return false;
    this.lastCycle = cycle;
    return true;
  }
}
