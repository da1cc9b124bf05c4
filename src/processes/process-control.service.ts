import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '../common/clock.js';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { EngineService } from '../engine/engine.service.js';
import { PROCESS_ACTIONS, type EventRecord, type ProcessAction } from '../engine/engine.types.js';
import type { ProcessRecord } from '../telemetry/snapshot.record.js';
import { PROCESS_HOST, type ProcessHost } from './host/process-host.js';
import { describeOutcome, type ActionOutcome, type ActionRequest } from './process-action.record.js';
import { identityRefusal, verifyTarget } from './process-safety.js';
import { applyAction } from './apply-action.js';

export const INVALID_ACTION = `Invalid action; use one of [${PROCESS_ACTIONS.map((a) => `'${a}'`).join(', ')}]`;
const ELEVATED_WITHOUT_TOKEN =
  'the engine runs elevated (root / Administrator) and SENTRACORE_API_TOKEN is not set: process actions are refused so that ' +
  'no local program can borrow the engine’s rights; set SENTRACORE_API_TOKEN and send it as a bearer token';
/** How far up the engine's parent chain the protection reaches (a loop guard). */
const MAX_ANCESTORS = 64;

export const isProcessAction = (value: string): value is ProcessAction => (PROCESS_ACTIONS as readonly string[]).includes(value);

/**
 * Every process action, from the route or the safeguard: the safety rules, then the action, then
 * an event and a log line for whatever happened (docs/process-control.md).
 */
@Injectable()
export class ProcessControlService {
  private readonly logger = new Logger(ProcessControlService.name);

  constructor(
    private readonly engine: EngineService,
    @Inject(PROCESS_HOST) private readonly host: ProcessHost,
    @Inject(SENTRACORE_OPTIONS) private readonly options: SentraCoreOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The route's entry: the action name as sent (trimmed), checked here so an unknown one is `ok: false`. */
  async request(pid: number, action: string): Promise<ActionOutcome> {
    if (!isProcessAction(action)) return { ok: false, result: 'refused', error: INVALID_ACTION };
    return this.act({ pid, action, source: 'api', waitForExitMs: 1000 });
  }

  async act(request: ActionRequest): Promise<ActionOutcome> {
    const listed = this.engine.trackedProcesses().find((p) => p.pid === request.pid);
    // Never a 500: an unexpected failure (a /proc read, a listing) is this action's outcome too.
    const outcome = await this.decideAndApply(request, listed).catch((error: unknown): ActionOutcome => ({
      ok: false,
      result: 'failed',
      error: `could not check PID ${request.pid}: ${String(error)}`,
    }));
    this.record(request, listed?.name ?? `PID ${request.pid}`, outcome);
    return outcome;
  }

  private async decideAndApply(request: ActionRequest, listed: ProcessRecord | undefined): Promise<ActionOutcome> {
    const { pid } = request;
    if (!this.options.apiToken && (await this.host.elevated())) return refused(ELEVATED_WITHOUT_TOKEN);
    const identity = identityRefusal(pid, { selfPid: this.host.selfPid, ancestors: await this.ancestors() });
    if (identity) return refused(identity);
    const now = await this.host.inspect(pid);
    if (!listed) {
      if (!now) return { ok: false, result: 'not_found', error: 'Process not found' };
      return refused(`PID ${pid} is not a process this engine tracks: only processes listed by GET /api/v1/processes can be acted on`);
    }
    const verdict = verifyTarget(listed, now, this.host.platform);
    if (verdict.kind === 'not_found') return { ok: false, result: 'not_found', error: `process no longer exists (pid=${pid}, name='${listed.name}')` };
    if (verdict.kind === 'refused') return refused(verdict.reason);
    return applyAction(this.host, request, listed);
  }

  /** The engine's parent and its ancestors, read now (a parent that exits re-parents the engine). */
  private async ancestors(): Promise<number[]> {
    const chain: number[] = [];
    let pid = (await this.host.inspect(this.host.selfPid))?.ppid ?? this.host.parentPid;
    while (pid > 1 && chain.length < MAX_ANCESTORS && !chain.includes(pid)) {
      chain.push(pid);
      pid = (await this.host.inspect(pid))?.ppid ?? 0;
    }
    return chain;
  }

  private record(request: ActionRequest, name: string, outcome: ActionOutcome): void {
    const description = describeOutcome(request, name, outcome);
    const harsh = request.action === 'terminate' || request.action === 'kill';
    const event: EventRecord = {
      timestamp: this.clock.nowMs() / 1000,
      event_type: 'process_action',
      severity: outcome.ok && !harsh ? 'info' : 'warning',
      details: { pid: request.pid, name, action: request.action, result: outcome.result, source: request.source, error: outcome.error ?? null, description },
    };
    this.engine.recordEvent(event);
    const line = { message: description, pid: request.pid, name, action: request.action, result: outcome.result, source: request.source };
    if (outcome.ok) this.logger.log(line);
    else this.logger.warn(line);
  }
}

function refused(reason: string): ActionOutcome {
  return { ok: false, result: 'refused', error: reason };
}
