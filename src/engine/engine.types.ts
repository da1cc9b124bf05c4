// The engine module's public types: the records it publishes (GET /status, the live streams, metrics).
// pipeline/ is private to engine/; src/architecture.spec.ts checks that other modules import these instead.
export type { AlertRecord, AlertStateRecord } from './pipeline/alert-manager.js';
export type { StatusRecord } from './pipeline/status.js';
