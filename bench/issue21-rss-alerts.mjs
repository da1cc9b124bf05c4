// Issue 21 measurement; run from the repo root after npm run build. Temp datastore under the OS temp dir, removed afterwards.
// Usage: node bench/issue21-rss-alerts.mjs <repo dir> <alerts> ; prints the engine's VmRSS 8 s after /health answers.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './lib.mjs';
const [repo, count = '200000'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'f21-rss-'));
const ds = join(dir, 'datastore');
mkdirSync(join(ds, 'state'), { recursive: true });
const proc = (i) => ({
  pid: 1000 + i,
  name: `proc${i}.exe`,
  avg_cpu_percent: 12.5,
  avg_memory_percent: 3.25,
  peak_cpu_percent: 40.0,
  peak_memory_percent: 4.0,
  current_cpu_percent: 20.0,
  current_memory_percent: 3.5,
  sample_count: 30,
  impact_score: 55.5,
});
const alert = process.env.SMALL
  ? (i) => ({ timestamp: 1_764_000_000 + i, stress_score: 91.5, level: 'high', top_contributors: [], message: 'm' + i, root_cause: {} })
  : (i) => ({
      timestamp: 1_764_000_000 + i,
      stress_score: 91.5,
      level: 'critical',
      top_contributors: [0, 1, 2, 3, 4].map(proc),
      message: `Resource alert (CPU pressure 95% (threshold 85%)). Stress critical (92/100), sustained ~10s. Root cause: proc0.exe ${i}`,
      root_cause: {
        primary_bottleneck: 'cpu',
        suspect_process: proc(0),
        trigger_event: null,
        confidence_score: 70.0,
        summary: 'CPU is the bottleneck; proc0.exe is the suspect.',
      },
    });
const alerts = Array.from({ length: Number(count) }, (_, i) => alert(i));
writeFileSync(
  join(ds, 'state', 'runtime.json'),
  JSON.stringify({
    schema: 1,
    last_clean_shutdown: true,
    last_checkpoint_at: 1_764_000_000,
    alerts_recent: alerts,
    last_stress: null,
    last_stability: null,
    last_normalized: null,
    last_prediction: null,
    last_anomaly: null,
  }),
);
const bytes = readFileSync(join(ds, 'state', 'runtime.json')).length;
const port = await freePort();
const child = spawn(process.execPath, ['dist/main.js'], {
  cwd: repo,
  stdio: 'ignore',
  env: {
    PATH: process.env.PATH,
    SENTRACORE_DATA_DIR: ds,
    SENTRACORE_ENGINE_CONFIG: join(dir, 'engine-config.json'),
    SENTRACORE_PORT: String(port),
    SENTRACORE_TELEMETRY_SOURCE: 'scripted',
  },
});
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
const t0 = Date.now();
for (;;) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) break;
  } catch {
    /* not listening yet */
  }
  if (Date.now() - t0 > 120_000) throw new Error('no start');
  await new Promise((r) => setTimeout(r, 200));
}
const startMs = Date.now() - t0;
await new Promise((r) => setTimeout(r, 8000));
const served = /** @type {any} */ (await (await fetch(`http://127.0.0.1:${port}/api/v1/alerts`)).json());
const alertsServed = served.alerts.length;
console.log(
  JSON.stringify({
    repo,
    alerts: Number(count),
    file_mb: +(bytes / 1048576).toFixed(1),
    start_ms: startMs,
    rss_mb_after_8s: +rss().toFixed(1),
    alerts_served: alertsServed,
  }),
);
child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
rmSync(dir, { recursive: true, force: true });
