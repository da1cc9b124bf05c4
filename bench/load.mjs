#!/usr/bin/env node
// Load benchmark (issue #7): starts the built engine as `npm start` runs it on a temp datastore holding
// a 24 h history archive, sampling the real machine every second, and drives it with wrk (Debian's
// package; `--client autocannon` for the npm one, also the fallback when wrk is not installed):
// 50 connections for 20 s at each of /api/v1/status, /api/v1/history (the default range: the last
// 24 h) and /metrics (skipped with a note when it answers 404). Prints req/s, p50/p99 latency, errors,
// and how far the sampling cycle runs behind its 1 s schedule while under load, against the targets.
// A benchmark, not a test: it reports; `--strict` makes a missed target exit 1.
//
//   npm run bench:load            (builds first)
//   node bench/load.mjs [--duration 20] [--connections 50] [--client wrk|autocannon] [--only status|history|metrics] [--no-reference] [--strict] [--keep] [--cpu-prof]
//
// --cpu-prof writes the engine's V8 CPU profile (open it in Chrome DevTools) into the kept temp dir.
// "engine CPU" is the engine process's user+system time per wall second (Linux /proc): 100% is one
// core. The load generator runs on the same machine, so latency also depends on what else is running.
import autocannon from 'autocannon';
import { freePort, requireFile, startCommand } from './lib.mjs';
import { runWrk, wrkAvailable } from './wrk.mjs';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const DURATION_SEC = Number(option('duration', 20));
const CONNECTIONS = Number(option('connections', 50));
const PERIOD_MS = 1000;
const TARGETS = [
  { name: 'status', path: '/api/v1/status', p99Ms: 50 },
  { name: 'history 24 h', path: '/api/v1/history', p99Ms: 100, reference: true },
  // What a browser dashboard sends: the engine answers gzip (~6× smaller), compressed once per window.
  { name: 'history 24 h gzip', path: '/api/v1/history', p99Ms: 100, headers: { 'accept-encoding': 'gzip, deflate, br' } },
  { name: 'metrics', path: '/metrics', p99Ms: 50, optional: true },
];
const LAG_TARGET_MS = 100;
const ONLY = option('only', '');
const CLIENT = option('client', wrkAvailable() ? 'wrk' : 'autocannon');
const load = (options) => (CLIENT === 'wrk' ? runWrk(options) : autocannon({ ...options, timeout: 10 }));

const start = startCommand(repo);
const archiveScript = join(repo, 'bench', 'make-history-archive.mjs');
requireFile('the built engine (npm run build)', start.entry);
requireFile('the archive generator', archiveScript);

// CPU seconds (user + system) the process has used so far, or NaN off Linux.
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const percentile = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

function get(port, path) {
  return new Promise((ok) => {
    const req = http.get({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => ok({ status: res.statusCode, body }));
    });
    req.on('error', () => ok({ status: 0, body: '' }));
    req.setTimeout(10_000, () => req.destroy());
  });
}

/**
 * Follows the SSE status stream and records each cycle's snapshot timestamp (taken when the cycle
 * starts). The lag of a cycle is how much later than one period after the previous one it started.
 */
function watchCycles(port) {
  const starts = [];
  const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/status/stream', headers: { accept: 'text/event-stream' } }, (res) => {
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5))
          .join('\n');
        try {
          const timestamp = JSON.parse(data)?.snapshot?.timestamp;
          if (typeof timestamp === 'number') starts.push({ atMs: timestamp * 1000, seenMs: Date.now() });
        } catch {
          // a keep-alive comment or a partial event
        }
      }
    });
  });
  req.on('error', () => undefined);
  return {
    /** Lag (ms) of every cycle that started within [fromMs, toMs]. */
    lagsBetween(fromMs, toMs) {
      const lags = [];
      for (let i = 1; i < starts.length; i++) {
        if (starts[i].atMs < fromMs || starts[i].atMs > toMs) continue;
        lags.push(Math.max(0, starts[i].atMs - starts[i - 1].atMs - PERIOD_MS));
      }
      return lags;
    },
    cyclesBetween: (fromMs, toMs) => starts.filter((s) => s.atMs >= fromMs && s.atMs <= toMs).length,
    /** From a cycle's start to its status arriving here: the cycle's own duration plus delivery. */
    delaysBetween: (fromMs, toMs) => starts.filter((s) => s.atMs >= fromMs && s.atMs <= toMs).map((s) => s.seenMs - s.atMs),
    close: () => req.destroy(),
  };
}

// What the load generator alone allows for a body this size: a bare node:http server (its own process)
// answering every request with a ready-made buffer of the same length, under the same load.
async function bareServerRow(bytes) {
  const script = `const b=Buffer.alloc(${bytes},97);const s=require('http').createServer((q,r)=>{r.writeHead(200,{'content-type':'application/json','content-length':b.length});r.end(b)});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))`;
  const server = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise((ok) => server.stdout.once('data', (chunk) => ok(Number(String(chunk).trim()))));
    const result = await load({ url: `http://127.0.0.1:${port}/`, connections: CONNECTIONS, duration: DURATION_SEC });
    return {
      name: `  bare server, ${(bytes / 1e6).toFixed(1)} MB`,
      reference: true,
      reqPerSec: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      errors: result.errors + result.timeouts + result.non2xx,
      mbPerSec: result.throughput.average / 1e6,
    };
  } finally {
    server.kill();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'sentracore-load-'));
const dataDir = join(dir, 'datastore');
execFileSync(process.execPath, [archiveScript, '--dir', join(dataDir, 'history'), '--days', '1'], { stdio: 'inherit' });
const port = await freePort();
/** @type {NodeJS.ProcessEnv} */
const env = {
  ...process.env,
  SENTRACORE_DATA_DIR: dataDir,
  SENTRACORE_ENGINE_CONFIG: join(dir, 'engine-config.json'),
  SENTRACORE_HOST: '127.0.0.1',
  SENTRACORE_PORT: String(port),
  SENTRACORE_TELEMETRY_SOURCE: 'system',
  SENTRACORE_COLLECTION_INTERVAL_SEC: '1',
};
delete env.NODE_OPTIONS;
delete env.SENTRACORE_API_TOKEN;
const nodeArgs = flag('cpu-prof') ? ['--cpu-prof', '--cpu-prof-dir', join(dir, 'profiles')] : [];
const log = openSync(join(dir, 'engine.out'), 'w');
const engine = spawn(process.execPath, [...start.flags, ...nodeArgs, start.entry], { cwd: dir, env, stdio: ['ignore', log, log] });
// IntervalJob logs each tick it skips because the previous cycle was still running.
const skippedTicks = () => (readFileSync(join(dir, 'engine.out'), 'utf8').match(/skipping this tick/g) ?? []).length;
const exited = new Promise((ok) => engine.once('exit', (code, signal) => ok(code ?? signal)));

let failed = false;
try {
  const deadline = Date.now() + 30_000;
  while ((await get(port, '/api/v1/health')).status !== 200) {
    if (Date.now() > deadline || engine.exitCode !== null) throw new Error(`engine did not answer /api/v1/health (see ${join(dir, 'engine.out')})`);
    await sleep(200);
  }
  const cycles = watchCycles(port);
  // Warm up: the history index, JIT, the first cycles.
  for (let i = 0; i < 5; i++) for (const { path } of TARGETS) await get(port, path);
  await sleep(3000);
  console.log(
    `\nengine pid ${engine.pid} on 127.0.0.1:${port}, sampling every 1 s; ${CONNECTIONS} connections × ${DURATION_SEC} s per route, client ${CLIENT}`,
  );
  // The load generator shares the machine: other work running now shows up in every number below.
  console.log(
    `machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} before the run\n`,
  );

  /** @type {Record<string, any>[]} engine rows and reference rows, read loosely when printed */
  const rows = [];
  for (const target of TARGETS.filter((t) => t.name.includes(ONLY))) {
    const probe = await get(port, target.path);
    if (probe.status === 404 && target.optional) {
      console.log(`note: ${target.path} answers 404 in this build; skipped`);
      continue;
    }
    if (probe.status !== 200) throw new Error(`${target.path} answered ${probe.status} before the run`);
    const fromMs = Date.now();
    const cpuBefore = cpuSeconds(engine.pid);
    const skippedBefore = skippedTicks();
    const result = await load({ url: `http://127.0.0.1:${port}${target.path}`, headers: target.headers, connections: CONNECTIONS, duration: DURATION_SEC });
    const toMs = Date.now();
    const cpuPercent = ((cpuSeconds(engine.pid) - cpuBefore) / ((toMs - fromMs) / 1000)) * 100;
    await sleep(1500); // the last cycles' events arrive
    const lags = cycles.lagsBetween(fromMs, toMs);
    const expectedCycles = Math.floor((toMs - fromMs) / PERIOD_MS);
    rows.push({
      ...target,
      reqPerSec: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      errors: result.errors + result.timeouts + result.non2xx,
      errorKinds: `${result.errors} socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx ${JSON.stringify(result.statusCodeStats ?? {})}`,
      mbPerSec: result.throughput.average / 1e6,
      cpuPercent,
      lagP99: percentile(lags, 99),
      lagMax: lags.length ? Math.max(...lags) : NaN,
      delayP99: percentile(cycles.delaysBetween(fromMs, toMs), 99),
      skippedTicks: skippedTicks() - skippedBefore,
      cycles: cycles.cyclesBetween(fromMs, toMs),
      expectedCycles,
    });
    await sleep(1000);
    if (target.reference && !flag('no-reference')) rows.push(await bareServerRow(Buffer.byteLength(probe.body)));
  }
  cycles.close();

  const metrics = await get(port, '/metrics');
  const lagLines = metrics.status === 200 ? metrics.body.split('\n').filter((l) => /^sentracore_cycle_(lag|skipped|duration)/.test(l)) : [];

  console.log('route            req/s  p50 ms  p99 ms  max ms  errors    MB/s  engine CPU  cycle lag p99/max ms  skipped  cycle→client p99 ms  verdict');
  for (const r of rows) {
    if (r.reference && r.cycles === undefined) {
      const head = `${r.name.padEnd(15)}  ${fmt(r.reqPerSec, 0).padStart(5)}  ${fmt(r.p50, 0).padStart(6)}  ${fmt(r.p99, 0).padStart(6)}  ${fmt(r.max, 0).padStart(6)}  `;
      console.log(`${head}${String(r.errors).padStart(6)}  ${fmt(r.mbPerSec).padStart(6)}  (reference: the load generator's ceiling for this body size)`);
      continue;
    }
    const misses = [];
    if (r.p99 > r.p99Ms) misses.push(`p99 > ${r.p99Ms} ms`);
    if (r.errors > 0) misses.push(`errors: ${r.errorKinds}`);
    if (!(r.lagMax <= LAG_TARGET_MS)) misses.push(`lag > ${LAG_TARGET_MS} ms`);
    if (r.skippedTicks > 0 || r.cycles < r.expectedCycles - 1) misses.push('cycles skipped');
    if (misses.length) failed = true;
    console.log(
      `${r.name.padEnd(15)}  ${fmt(r.reqPerSec, 0).padStart(5)}  ${fmt(r.p50, 0).padStart(6)}  ${fmt(r.p99, 0).padStart(6)}  ${fmt(r.max, 0).padStart(6)}  ` +
        `${String(r.errors).padStart(6)}  ${fmt(r.mbPerSec).padStart(6)}  ${`${fmt(r.cpuPercent, 0)}%`.padStart(10)}  ` +
        `${`${fmt(r.lagP99, 0)}/${fmt(r.lagMax, 0)}`.padStart(20)}  ${String(r.skippedTicks).padStart(7)}  ${fmt(r.delayP99, 0).padStart(19)}  ` +
        `${misses.length ? `MISS (${misses.join(', ')})` : 'ok'}`,
    );
  }
  console.log(
    `\nload average after the run: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  console.log(`targets: no errors; p99 ≤ 50 ms status and metrics, ≤ 100 ms history 24 h; sampling lag ≤ ${LAG_TARGET_MS} ms behind its 1 s schedule`);
  if (lagLines.length) console.log(`engine's own cycle timing (/metrics):\n  ${lagLines.join('\n  ')}`);
} catch (error) {
  failed = true;
  console.error(`load bench failed: ${error.message}`);
} finally {
  engine.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(15_000).then(() => 'timeout')]);
  if (code === 'timeout') engine.kill('SIGKILL');
  if (flag('keep') || flag('cpu-prof')) console.log(`kept ${dir}${flag('cpu-prof') ? ' (CPU profile in profiles/)' : ''}`);
  else rmSync(dir, { recursive: true, force: true });
}
process.exit(failed && flag('strict') ? 1 : 0);
