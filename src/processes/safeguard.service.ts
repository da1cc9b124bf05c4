import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock.js';
import { EngineService } from '../engine/engine.service.js';
import type { AlertActionRecord } from '../engine/engine.types.js';
import { PreferencesService } from '../preferences/preferences.service.js';
import { ProcessControlService } from './process-control.service.js';
import { matchesSafeguard, safeguardTargets } from './safeguard-names.js';

/** Successful terminations per fired alert, as the earlier engine; failures do not count. */
export const SAFEGUARD_MAX_TERMINATIONS = 8;

/**
 * When an alert fires with `safeguard_enabled`, ends the listed processes whose names the user
 * named, under the same rules as a manual terminate. What it did goes into the alert.
 */
@Injectable()
export class SafeguardService implements OnModuleInit {
  constructor(
    private readonly engine: EngineService,
    private readonly preferences: PreferencesService,
    private readonly control: ProcessControlService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.engine.setAlertResponder(() => this.respond());
  }

  async respond(): Promise<AlertActionRecord[]> {
    const { safeguard_enabled, safeguard_process_names } = this.preferences.value;
    const targets = safeguardTargets(safeguard_process_names);
    if (!safeguard_enabled || targets.size === 0) return [];
    // The latest scan in its ranking order: the current top consumers, each with its start time.
    const seen = new Set<number>();
    const candidates = this.engine.trackedProcesses().filter((p) => !seen.has(p.pid) && seen.add(p.pid) && matchesSafeguard(p.name, targets));
    const actions: AlertActionRecord[] = [];
    let terminated = 0;
    for (const candidate of candidates) {
      if (terminated >= SAFEGUARD_MAX_TERMINATIONS) break;
      const outcome = await this.control.act({ pid: candidate.pid, action: 'terminate', source: 'safeguard', waitForExitMs: 0 });
      if (outcome.ok) terminated += 1;
      actions.push({
        timestamp: this.clock.nowMs() / 1000,
        pid: candidate.pid,
        name: candidate.name,
        action: 'terminate',
        result: outcome.result,
        error: outcome.error ?? null,
      });
    }
    return actions;
  }
}
