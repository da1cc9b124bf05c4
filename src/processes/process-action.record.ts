import type { ActionResult, ActionSource, ProcessAction } from '../engine/engine.types.js';

/** How one action ended: POST /processes/{pid}/action's answer, an event, an alert's actions_taken entry. */
export interface ActionOutcome {
  ok: boolean;
  result: ActionResult;
  /** A readable reason when not ok. */
  error?: string;
  /** terminate / kill from the route: whether the process had exited within about a second. */
  exited?: boolean;
}

export interface ActionRequest {
  pid: number;
  action: ProcessAction;
  source: ActionSource;
  /** terminate / kill: watch up to this long for the exit before answering (0: do not wait). */
  waitForExitMs: number;
}

const LABEL: Record<ProcessAction, { done: string; verb: string; how: string }> = {
  terminate: { done: 'Ended', verb: 'end', how: 'SIGTERM; on Windows ended at once' },
  kill: { done: 'Killed', verb: 'kill', how: 'SIGKILL' },
  lower_priority: { done: 'Lowered the CPU priority of', verb: 'lower the CPU priority of', how: 'niceness 10, below normal on Windows' },
  normal_priority: { done: 'Restored normal CPU priority of', verb: 'restore normal CPU priority of', how: 'niceness 0' },
};

/** The sentence of the event and the log line: what was asked, of whom, and how it ended. */
export function describeOutcome(request: ActionRequest, name: string, outcome: ActionOutcome): string {
  const label = `${name} (PID ${request.pid})`;
  const words = LABEL[request.action];
  const who = request.source === 'safeguard' ? 'Safeguard: ' : '';
  if (outcome.ok) return `${who}${words.done} ${label} (${words.how})${outcome.exited === true ? '; it exited' : ''}`;
  const how = outcome.result === 'refused' ? 'refused to' : 'could not';
  return `${who}${how} ${words.verb} ${label}: ${outcome.error ?? outcome.result}`;
}
