// The engine module's public types: the records it publishes (GET /status, the live streams, metrics).
// pipeline/ is private to engine/; src/architecture.spec.ts checks that other modules import these instead.
export type { AlertActionRecord, AlertRecord, AlertStateRecord } from './pipeline/alert-manager.js';
export { ACTION_RESULTS, PROCESS_ACTIONS, type ActionResult, type ActionSource, type ProcessAction } from './pipeline/process-action.js';
export type { EventRecord, EventSeverity } from './pipeline/event-logger.js';
export type { StatusRecord } from './pipeline/status.js';
