import { join } from 'node:path';
import { createHostApp } from './bootstrap.js';

// Run after `npm run build` with a TypeScript runner of your choice, or compile it; then
// `curl http://127.0.0.1:3000/host/hello` and `curl http://127.0.0.1:3000/api/v1/status`.
const app = await createHostApp({
  dataDir: process.env.HOST_DATA_DIR ?? join(process.cwd(), 'host-data', 'sentracore'),
  collectionIntervalSec: 2,
  historySampleIntervalSec: 30,
  checkpointIntervalSec: 30,
});
// SIGINT/SIGTERM run app.close(): the engine persists its baseline and a clean checkpoint.
app.enableShutdownHooks();
await app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
