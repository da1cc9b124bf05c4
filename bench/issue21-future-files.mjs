// Issue 21 measurement; run from the repo root after npm run build. Temp datastore under the OS temp dir, removed afterwards.
// Usage: node bench/issue21-future-files.mjs <repo dir> <future files> ; median ms of 200 GET /history (default range) after indexing.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './lib.mjs';
const [repo, count = '5000'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'f21-future-'));
const hist = join(dir, 'datastore', 'history');
mkdirSync(hist, { recursive: true });
const now = Date.now();
const line = (at) =>
  JSON.stringify({ at, cpu_percent: 10.0, mem_percent: 20.0, disk_pressure_percent: 1.0, stability_score: 90.0, stress_score: 10.0, top_processes: [] }) + '\n';
for (let d = 10; d >= 0; d--) {
  const t = now - d * 86400e3;
  let text = '';
  for (let i = 0; i < 100; i++) text += line(Math.floor(t / 1000) - i * 30);
  writeFileSync(join(hist, `samples-${new Date(t).toISOString().slice(0, 10)}.jsonl`), text);
}
for (let d = 2; d < 2 + Number(count); d++) {
  const t = now + d * 86400e3;
  writeFileSync(join(hist, `samples-${new Date(t).toISOString().slice(0, 10)}.jsonl`), line(Math.floor(t / 1000)));
}
const port = await freePort();
const child = spawn(process.execPath, ['dist/main.js'], {
  cwd: repo,
  stdio: 'ignore',
  env: {
    PATH: process.env.PATH,
    SENTRACORE_DATA_DIR: join(dir, 'datastore'),
    SENTRACORE_ENGINE_CONFIG: join(dir, 'engine-config.json'),
    SENTRACORE_PORT: String(port),
    SENTRACORE_TELEMETRY_SOURCE: 'scripted',
  },
});
const url = `http://127.0.0.1:${port}/api/v1/history`;
for (const t0 = Date.now(); ;) {
  try {
    if ((await fetch(url)).ok) break;
  } catch {
    /* not listening yet */
  }
  if (Date.now() - t0 > 120000) throw new Error('no start');
  await new Promise((r) => setTimeout(r, 200));
}
await new Promise((r) => setTimeout(r, 5000));
for (let i = 0; i < 20; i++) await (await fetch(url)).arrayBuffer();
const times = [];
/** @type {any} */
let body;
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  body = await (await fetch(url)).json();
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    repo,
    future_files: Number(count),
    median_ms: +times[100].toFixed(2),
    p90_ms: +times[180].toFixed(2),
    samples: body.samples.length,
    summary_files: body.summary.files.length,
  }),
);
child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
rmSync(dir, { recursive: true, force: true });
