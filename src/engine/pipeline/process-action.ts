// The vocabulary of process actions (docs/process-control.md), shared by the events, the alerts'
// actions_taken and the processes module that carries them out.

/** What POST /processes/{pid}/action accepts, as the earlier engine (case-sensitive). */
export const PROCESS_ACTIONS = ['kill', 'lower_priority', 'normal_priority', 'terminate'] as const;
export type ProcessAction = (typeof PROCESS_ACTIONS)[number];

/** How a process action ended. */
export const ACTION_RESULTS = ['ok', 'refused', 'not_found', 'permission_denied', 'failed'] as const;
export type ActionResult = (typeof ACTION_RESULTS)[number];

/** Who asked for it: a client of the REST route, or the safeguard answering an alert. */
export type ActionSource = 'api' | 'safeguard';
