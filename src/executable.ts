// The entry of the single executable SentraCoreEngine (`npm run package`, docs/executable.md): the
// standalone server of main.ts, with npm start's node flags applied first, before the engine's
// modules load (import order is evaluation order).
import './standalone/apply-node-flags.js';
import './main.js';
