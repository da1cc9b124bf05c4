// Start-up rows of bench/overhead.mjs (issue 18): N starts of the engine, each on a fresh temp datastore,
// timed from spawn to the first 200 on GET /api/v1/health (polled every 5 ms), interleaved with N starts
// of the floor, a bare `node -e` HTTP server answering 200, so that load on a shared machine hits both
// alike. Also the CPU time (user + system, /proc) each start used until then, which load affects less.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './lib.mjs';

const FLOOR_SERVER = `require('node:http').createServer((q, s) => s.end('{}')).listen(Number(process.env.SENTRACORE_PORT), '127.0.0.1');`;

/** The median of a list of numbers. */
export const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** One start: spawn → first 200 on /api/v1/health, then a clean stop. */
async function timeOneStart(command, argv, cwd) {
  const dir = mkdtempSync(join(os.tmpdir(), 'sentracore-bench-start-'));
  const port = await freePort();
  const env = {
    ...process.env,
    SENTRACORE_DATA_DIR: join(dir, 'datastore'),
    SENTRACORE_ENGINE_CONFIG: join(dir, 'engine-config.json'),
    SENTRACORE_PORT: String(port),
  };
  const started = performance.now();
  const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((ok) => child.once('exit', ok));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { ms: performance.now() - started, cpuMs: cpuMs(child.pid) };
      if (performance.now() - started > 30_000) throw new Error(`no 200 within 30 s: ${stderr}`);
      await sleep(5);
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `starts` interleaved starts of the engine (`command argv` in `cwd`) and of the floor.
 * @returns {Promise<{ engine: { ms: number[], cpuMs: number[] }, floor: { ms: number[], cpuMs: number[] } }>}
 */
export async function measureStarts(command, argv, cwd, starts) {
  const result = { engine: { ms: [], cpuMs: [] }, floor: { ms: [], cpuMs: [] } };
  for (let i = 0; i < starts; i++) {
    for (const [row, cmd, args] of [
      [result.engine, command, argv],
      [result.floor, process.execPath, ['-e', FLOOR_SERVER]],
    ]) {
      const one = await timeOneStart(cmd, args, cwd);
      row.ms.push(one.ms);
      row.cpuMs.push(one.cpuMs);
    }
  }
  return result;
}

/** The start-up lines of the report. */
export function printStarts({ engine, floor }) {
  const line = (row) =>
    `median ${median(row.ms).toFixed(0)} ms (min ${Math.min(...row.ms).toFixed(0)}, max ${Math.max(...row.ms).toFixed(0)}), CPU used ${median(row.cpuMs).toFixed(0)} ms`;
  console.log(`start   : spawn → first 200 on /api/v1/health, ${engine.ms.length} starts: ${line(engine)} | target ≤ 300 ms`);
  console.log(`          floor, a bare node HTTP server (node -e), interleaved: ${line(floor)}`);
}
