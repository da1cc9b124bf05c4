#!/usr/bin/env node
// Measures what running SentraCore costs the machine: average CPU (% of one core) and resident
// memory of one child process, read from /proc/PID/stat and /proc/PID/status (Linux only).
// Run after `npm run build`. Modes (one at a time; the default is the built engine):
//   (default)                 the engine as `npm start` runs it (its node flags and entry), a temp data dir and a free port
//   --cmd "<command>"         any command (split on spaces, quotes respected; no shell)
//   --source-only             only SystemTelemetrySource.sample() from <dist>/telemetry, every
//                             --interval s (2), processes every --process-every cycles (15)
//   --baseline-empty-fastify  an empty Fastify app on 127.0.0.1:0 (the Node + HTTP memory floor)
//   --baseline-empty-nest     bench/floors/empty-nest.mjs: Nest on Fastify with the engine's framework
//                             modules and no engine code (the framework floor), npm start's node flags
//   --baseline-idle-node      node with one idle timer (the bare Node floor)
// The default also runs, side by side in the same window, the engine on a datastore holding a 30-day
// history archive (--archive-days N, 0 for none; the window opens once it is indexed) and the floor, an
// idle `node -e "setInterval(()=>{},1000)"`; before the window it times --starts N (10) starts against
// a bare node HTTP server (bench/startup.mjs). --repo DIR measures another checkout's build the same way.
// Options: --seconds N (180, measured window) --warmup N (10, excluded from the average)
//          --dist DIR (dist) --node-args "..." (extra node flags, e.g. "--cpu-prof") --json
//          --control  also run a control alongside, same window, and print the difference (on a
//                     busy machine it is steadier than either figure): an idle node, or with
//                     --source-only the same loop and imports with sample() doing nothing
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { freePort, startCommand } from './lib.mjs';
import { measureStarts, printStarts } from './startup.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// USER_HZ: the unit of /proc/PID/stat times, fixed at 100 by the kernel ABI.
const TICKS_PER_SEC = 100;
const MIB = 1024 * 1024;

const FLAGS = new Set(['--source-only', '--baseline-empty-fastify', '--baseline-empty-nest', '--baseline-idle-node', '--control', '--json']);
function parseArgs(argv) {
  const args = {
    seconds: 180,
    warmup: 10,
    interval: 2,
    'process-every': 15,
    dist: join(REPO, 'dist'),
    'node-args': '',
    repo: REPO,
    starts: 10,
    'archive-days': 30,
  };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (FLAGS.has(name)) args[name.slice(2)] = true;
    else if (name.startsWith('--') && i + 1 < argv.length) args[name.slice(2)] = argv[++i];
    else throw new Error(`unknown argument: ${name}`);
  }
  args.repo = resolve(args.repo);
  for (const key of ['seconds', 'warmup', 'interval', 'process-every', 'starts', 'archive-days']) {
    args[key] = Number(args[key]);
    if (!(args[key] >= 0)) throw new Error(`--${key} must be a non-negative number`);
  }
  return args;
}

/** Splits a command line on spaces, keeping "quoted parts" together; no shell is involved. */
const splitCommand = (line) => [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);

const SOURCE_LOOP = `
const [url, intervalSec, every, mode] = process.argv.slice(1);
const { SystemTelemetrySource } = await import(url);
const source = mode === 'idle' ? { sample: async () => undefined } : new SystemTelemetrySource();
const stats = { light: { n: 0, ms: 0 }, scan: { n: 0, ms: 0 } };
let cycle = 0;
const tick = async () => {
  const withProcesses = cycle++ % Number(every) === 0;
  const started = performance.now();
  await source.sample({ timestamp: Date.now() / 1000, withProcesses });
  const bucket = withProcesses ? stats.scan : stats.light;
  bucket.n++; bucket.ms += performance.now() - started;
};
setInterval(() => void tick(), Number(intervalSec) * 1000);
void tick();
process.on('SIGTERM', () => { process.stderr.write('STATS ' + JSON.stringify(stats) + '\\n'); process.exit(0); });
`;
const FASTIFY_APP = `const app = require('fastify')(); app.listen({ host: '127.0.0.1', port: 0 }).then(() => {});`;
const IDLE_NODE = `setInterval(() => {}, 2000);`;
/** The floor printed beside the engine's figures: an idle node, exactly as issue 18 defines it. */
const FLOOR_NODE = `setInterval(()=>{},1000)`;

async function childSpec(args, dataDir) {
  const nodeArgs = splitCommand(args['node-args']);
  if (args['source-only']) {
    const url = pathToFileURL(join(resolve(args.dist), 'telemetry', 'system.source.js')).href;
    const argv = [...nodeArgs, '--input-type=module', '-e', SOURCE_LOOP, url, String(args.interval), String(args['process-every'])];
    return {
      argv,
      label: `source-only: SystemTelemetrySource.sample() from ${url}, every ${args.interval} s, processes every ${args['process-every']} cycles`,
      // Same loop and same imports, but sample() does nothing: the difference is the sampling alone.
      control: { argv: [...argv, 'idle'], label: 'the same loop and imports with sample() doing nothing' },
    };
  }
  if (args['baseline-empty-fastify']) return { argv: [...nodeArgs, '-e', FASTIFY_APP], label: 'baseline: empty Fastify app on 127.0.0.1:0' };
  if (args['baseline-empty-nest']) {
    return {
      argv: [...startCommand(REPO).flags, ...nodeArgs, 'bench/floors/empty-nest.mjs'],
      label: 'baseline: empty Nest app on Fastify (bench/floors/empty-nest.mjs)',
    };
  }
  if (args['baseline-idle-node']) return { argv: [...nodeArgs, '-e', IDLE_NODE], label: 'baseline: idle node with one timer' };
  const port = await freePort();
  const env = {
    SENTRACORE_DATA_DIR: join(dataDir, 'datastore'),
    SENTRACORE_ENGINE_CONFIG: join(dataDir, 'engine-config.json'),
    SENTRACORE_PORT: String(port),
  };
  // By default, the engine exactly as `npm start` runs it (its node flags included).
  const start = startCommand(args.repo);
  const entry = relative(args.repo, start.entry);
  const [command, ...rest] = args.cmd ? splitCommand(args.cmd) : [process.execPath, ...start.flags, ...nodeArgs, entry];
  const shown = args.cmd ?? `node ${[...start.flags, ...nodeArgs, entry].join(' ')}`;
  return {
    command,
    argv: rest,
    env,
    cwd: args.repo,
    healthUrl: `http://127.0.0.1:${port}/api/v1/health`,
    label: `${shown} (SENTRACORE_DATA_DIR=${env.SENTRACORE_DATA_DIR}, SENTRACORE_PORT=${port})`,
  };
}

/** Seconds until GET /api/v1/health answers 200 (polled within the warm-up), or null. */
async function waitForHealth(url, warmupSec, exited) {
  const started = performance.now();
  while (!exited() && performance.now() - started < warmupSec * 1000) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return +((performance.now() - started) / 1000).toFixed(1);
    await sleep(250);
  }
  return null;
}

/** CPU ticks of the process and its reaped children, and its current/peak RSS in bytes. */
function readUsage(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0); // utime stime cutime cstime
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    return { ticks, rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined; // the child has exited
  }
}

function startChild(spec) {
  const child = spawn(spec.command ?? process.execPath, spec.argv, {
    cwd: spec.cwd ?? REPO,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const run = { child, spec, stderr: '', exit: undefined, rss: [], first: undefined, last: undefined };
  child.stderr.on('data', (chunk) => (run.stderr = (run.stderr + chunk).slice(-20_000)));
  run.exited = new Promise((res) => child.on('exit', (code, signal) => res((run.exit ??= { code, signal }))));
  return run;
}

async function stopChild(run) {
  run.child.kill('SIGTERM');
  if (!(await Promise.race([run.exited, sleep(10_000).then(() => false)]))) run.child.kill('SIGKILL');
}

function summarise(run, windowSec, totalSec) {
  const { first, last, rss } = run;
  const stats = /STATS (.*)/.exec(run.stderr)?.[1];
  return {
    command: run.spec.label,
    cpu_percent_of_one_core: +(((last.ticks - first.ticks) / TICKS_PER_SEC / windowSec) * 100).toFixed(3),
    cpu_percent_including_startup: +((last.ticks / TICKS_PER_SEC / totalSec) * 100).toFixed(3),
    peak_rss_mb: +(last.hwm / MIB).toFixed(1),
    steady_rss_mb: { avg: +(rss.reduce((a, b) => a + b, 0) / rss.length / MIB).toFixed(1), max: +(Math.max(...rss) / MIB).toFixed(1) },
    sample_timing: stats ? JSON.parse(stats) : undefined,
  };
}

/** The engine again, on a datastore holding an N-day archive (bench/make-history-archive.mjs). */
async function archivedSpec(args) {
  const dir = mkdtempSync(join(os.tmpdir(), 'sentracore-bench-archive-'));
  const history = join(dir, 'datastore', 'history');
  execFileSync(process.execPath, [join(REPO, 'bench', 'make-history-archive.mjs'), '--dir', history, '--days', String(args['archive-days'])]);
  const spec = await childSpec({ ...args, cmd: undefined }, dir);
  const { port } = new URL(spec.healthUrl);
  return {
    ...spec,
    label: `the same, on a datastore with a ${args['archive-days']}-day archive`,
    indexedUrl: `http://127.0.0.1:${port}/api/v1/storage/info`,
    dir,
  };
}

async function measure(args) {
  if (!readUsage(process.pid)) throw new Error('this benchmark reads /proc/PID/stat and needs Linux');
  const dataDir = mkdtempSync(join(os.tmpdir(), 'sentracore-bench-'));
  const spec = await childSpec(args, dataDir);
  const engineMode = spec.healthUrl !== undefined && !args.cmd;
  const starts = engineMode && args.starts > 0 ? await measureStarts(spec.command, spec.argv, args.repo, args.starts) : undefined;
  const archived = engineMode && args['archive-days'] > 0 ? await archivedSpec(args) : undefined;
  // The control runs at the same time, so it suffers the same interference from other work; beside the
  // engine it is the floor (an idle node), always.
  const floor = { argv: ['-e', FLOOR_NODE], label: `the floor: node -e "${FLOOR_NODE}"` };
  const control = spec.control ?? (engineMode ? floor : { argv: ['-e', IDLE_NODE], label: 'idle node with one timer' });
  const withControl = args.control || engineMode;
  const runs = [startChild(spec), ...(withControl ? [startChild(control)] : []), ...(archived ? [startChild(archived)] : [])];
  const [main] = runs;
  const startedAt = performance.now();
  const loadAtStart = os.loadavg()[0];
  const anyExited = () => runs.some((run) => run.exit);
  const readyAfterSec = spec.healthUrl ? await waitForHealth(spec.healthUrl, args.warmup, anyExited) : undefined;
  // /storage/info answers once every day file is indexed; the window opens after that.
  const indexedAfterSec = archived && (await waitForHealth(archived.indexedUrl, 600, anyExited)) && +((performance.now() - startedAt) / 1000).toFixed(1);
  await sleep(Math.max(0, args.warmup * 1000 - (performance.now() - startedAt)));
  for (const run of runs) run.first = run.last = readUsage(run.child.pid);
  const windowStart = performance.now();
  while (!anyExited() && performance.now() - windowStart < args.seconds * 1000) {
    await sleep(1000);
    const usages = runs.map((run) => readUsage(run.child.pid));
    if (anyExited() || usages.some((usage) => !usage)) break;
    runs.forEach((run, i) => {
      run.rss.push(usages[i].rss);
      run.last = usages[i];
    });
  }
  const windowSec = (performance.now() - windowStart) / 1000;
  const totalSec = (performance.now() - startedAt) / 1000;
  const failed = runs.find((run) => run.exit || !run.first || run.rss.length === 0);
  const failure = failed && { ...failed.exit };
  await Promise.all(runs.map(stopChild));
  rmSync(dataDir, { recursive: true, force: true });
  if (archived) rmSync(archived.dir, { recursive: true, force: true });
  if (failed) throw new Error(`${failed.spec.label} exited early (${JSON.stringify(failure)}):\n${failed.stderr}`);
  return {
    ...summarise(main, windowSec, totalSec),
    control: withControl ? summarise(runs[1], windowSec, totalSec) : undefined,
    archived: archived && { ...summarise(runs.at(-1), windowSec, totalSec), indexed_after_sec: indexedAfterSec, days: args['archive-days'] },
    starts,
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      logical_cores: os.cpus().length,
      total_memory_gib: +(os.totalmem() / 1024 ** 3).toFixed(1),
      node: process.version,
      kernel: `${os.type()} ${os.release()}`,
    },
    // Other work on the machine inflates every figure here (shared caches, vCPU preemption).
    load_average_1m: { start: +loadAtStart.toFixed(2), end: +os.loadavg()[0].toFixed(2) },
    ready_after_sec: readyAfterSec,
    warmup_sec: args.warmup,
    window_sec: +windowSec.toFixed(1),
  };
}

function print(result) {
  const m = result.machine;
  const avg = (b) => (b.n ? (b.ms / b.n).toFixed(2) : '-');
  const cpuLine = (r) => `${r.cpu_percent_of_one_core} % of one core (window) | ${r.cpu_percent_including_startup} % including start-up`;
  const memoryLine = (r) => `peak RSS ${r.peak_rss_mb} MB (VmHWM) | RSS in window avg ${r.steady_rss_mb.avg} MB, max ${r.steady_rss_mb.max} MB`;
  console.log(`machine : ${m.cpu} | ${m.logical_cores} logical cores | ${m.total_memory_gib} GiB RAM | node ${m.node} | ${m.kernel}`);
  console.log(`command : ${result.command}`);
  if (result.ready_after_sec !== undefined) {
    const ready =
      result.ready_after_sec === null ? 'no 200 from GET /api/v1/health within the warm-up' : `GET /api/v1/health 200 after ${result.ready_after_sec} s`;
    console.log(`ready   : ${ready}`);
  }
  if (result.starts) printStarts(result.starts);
  console.log(`window  : ${result.window_sec} s, after a ${result.warmup_sec} s warm-up that the average excludes`);
  console.log(`load    : 1-min load average ${result.load_average_1m.start} at start, ${result.load_average_1m.end} at end (on ${m.logical_cores} cores)`);
  console.log(`cpu     : ${cpuLine(result)}`);
  console.log(`memory  : ${memoryLine(result)}`);
  const timing = result.sample_timing;
  if (timing)
    console.log(`sample(): ${timing.light.n} light, avg ${avg(timing.light)} ms wall | ${timing.scan.n} with processes, avg ${avg(timing.scan)} ms wall`);
  if (result.control) {
    const c = result.control;
    console.log(`control : ${c.command}, same window`);
    console.log(`          cpu ${cpuLine(c)}`);
    console.log(`          memory ${memoryLine(c)}`);
    const cpuDelta = (result.cpu_percent_of_one_core - c.cpu_percent_of_one_core).toFixed(3);
    const rssDelta = (result.steady_rss_mb.avg - c.steady_rss_mb.avg).toFixed(1);
    console.log(`delta   : ${cpuDelta} % of one core, ${rssDelta} MB RSS above the control`);
  }
  const a = result.archived;
  if (a) {
    console.log(`archive : ${a.command}, indexed ${a.indexed_after_sec} s after spawn, same window`);
    console.log(`          cpu ${cpuLine(a)}`);
    console.log(`          memory ${memoryLine(a)}`);
  }
  if (result.starts) {
    const floor = result.control.steady_rss_mb.avg;
    const row = (name, r, target) => `| ${name} | ${r.steady_rss_mb.avg} MB | ${target} | ${floor} MB |`;
    console.log(`\n| idle window of ${result.window_sec} s | RSS avg | target | floor (idle node, same window) |\n|---|---|---|---|`);
    console.log(row('no archive', result, '≤ 60 MB'));
    if (a) console.log(row(`${a.days}-day archive indexed`, a, '≤ 70 MB'));
  }
  console.log('target  : engine ≤ 0.3 % of one core, ≤ 100 MB RSS at a 2 s interval');
}

try {
  const args = parseArgs(process.argv.slice(2));
  const result = await measure(args);
  if (args.json) console.log(JSON.stringify(result));
  else print(result);
} catch (error) {
  console.error(`overhead: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
