import { applyNodeFlags } from './node-flags.js';

// Imported first by src/executable.ts for its side effect; main.ts never imports it (npm start passes the flags to node).
applyNodeFlags();
