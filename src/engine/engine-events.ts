import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { AlertRecord } from './pipeline/alert-manager.js';
import type { CycleResult } from './pipeline/analysis-pipeline.js';
import type { StatusRecord } from './pipeline/status.js';

export interface CycleEvent {
  readonly status: StatusRecord;
  readonly cycle: CycleResult;
  /** Clock time (ms) the cycle finished computing; live streams measure their delay from it. */
  readonly computedAtMs: number;
}

/** A CycleEvent whose status is built on first read, during the broadcast: with no live client, never. */
export function cycleEvent(cycle: CycleResult, computedAtMs: number, buildStatus: () => StatusRecord): CycleEvent {
  let status: StatusRecord | undefined;
  return {
    cycle,
    computedAtMs,
    get status() {
      return (status ??= buildStatus());
    },
  };
}

/** What the engine publishes each cycle, for live streams and metrics (SPEC §4 /ws/live, /ws/alerts). */
@Injectable()
export class EngineEvents implements OnApplicationShutdown {
  readonly cycles = new Subject<CycleEvent>();
  readonly alerts = new Subject<AlertRecord>();

  onApplicationShutdown(): void {
    this.cycles.complete();
    this.alerts.complete();
  }
}
