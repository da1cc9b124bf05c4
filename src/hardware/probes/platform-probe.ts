import type { ComponentReport } from '../model/component-report.js';
import type { Counters, RateWindow } from './rate-window.js';

/** One platform's way of reading the three components. None of them should throw; the service guards anyway. */
export interface PlatformProbe {
  /** Cheap counters read at both ends of the window (CPU times, swap counters). */
  counters(): Promise<Counters>;
  cpu(window: RateWindow): Promise<ComponentReport>;
  memory(window: RateWindow): Promise<ComponentReport>;
  disks(): Promise<ComponentReport>;
}
