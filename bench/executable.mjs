#!/usr/bin/env node
// The single executable beside `npm start` (docs/executable.md): its size, the time from spawn to the
// first 200 on GET /api/v1/health, and its resident memory after it has run a while. Runs interleaved
// (executable, npm start, executable, ...) so that a busy machine slows both alike; each run starts
// on a fresh temp datastore, on a free loopback port, with real (system) telemetry.
// Run after `npm run package` (`npm run bench:executable` does both).
// Options: --runs N (10 of each) --warmup N (1 of each, not counted) --hold S (15: seconds after
//          the first 200 before RSS is read) --json
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort, requireFile, startCommand } from './lib.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXECUTABLE = join(REPO, 'dist', 'package', process.platform === 'win32' ? 'SentraCoreEngine.exe' : 'SentraCoreEngine');
const MIB = 1024 * 1024;

function parseArgs(argv) {
  const args = { runs: 10, warmup: 1, hold: 15, json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') args.json = true;
    else if (['--runs', '--warmup', '--hold'].includes(argv[i]) && i + 1 < argv.length) args[argv[i].slice(2)] = Number(argv[++i]);
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return args;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** VmRSS and VmHWM (peak) of a live process in MiB, from /proc (Linux); nulls elsewhere. */
function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024;
    return { rss: kib('VmRSS'), peak: kib('VmHWM') };
  } catch {
    return { rss: null, peak: null };
  }
}

/** Spawns one engine, times the first 200 on /health, holds, reads its memory, stops it with SIGTERM. */
async function measure(variant, workDir, holdSec) {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const port = await freePort();
  const env = { PATH: process.env.PATH ?? '', HOME: workDir, SENTRACORE_ENGINE_CONFIG: join(workDir, 'engine-config.json'), SENTRACORE_PORT: String(port) };
  // npm start's command itself (not the npm wrapper, which first rebuilds), on its own temp datastore.
  const child =
    variant.name === 'executable'
      ? spawn(variant.exe, [], { cwd: dirname(variant.exe), env, stdio: 'ignore' })
      : spawn(process.execPath, [...variant.flags, variant.entry], {
          cwd: REPO,
          env: { ...env, SENTRACORE_DATA_DIR: join(workDir, 'datastore') },
          stdio: 'ignore',
        });
  const started = performance.now();
  const exited = new Promise((ok) => child.once('exit', ok));
  let firstOk;
  while (firstOk === undefined) {
    if (child.exitCode !== null) throw new Error(`${variant.name} exited with ${child.exitCode} before answering`);
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
    if (response?.status === 200) firstOk = performance.now() - started;
    else await sleep(10);
  }
  await sleep(holdSec * 1000);
  const mem = memory(child.pid);
  child.kill('SIGTERM');
  await exited;
  return { startupMs: firstOk, ...mem };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  requireFile('the executable (run "npm run package")', EXECUTABLE);
  const { flags, entry } = startCommand(REPO);
  requireFile('the bundle (run "npm run build")', entry);
  const root = mkdtempSync(join(os.tmpdir(), 'sentracore-bench-exe-'));
  try {
    // A copy in a temp folder: the executable's portable datastore/ then lands there, not in dist/package.
    const exe = join(root, 'app', basename(EXECUTABLE));
    mkdirSync(dirname(exe));
    copyFileSync(EXECUTABLE, exe);
    const variants = [
      { name: 'executable', exe, label: `${basename(EXECUTABLE)} (dist/package)`, samples: [] },
      { name: 'npm start', flags, entry, label: `node ${flags.join(' ')} dist/bundle/main.mjs`, samples: [] },
    ];
    const loadAtStart = os.loadavg()[0];
    for (let run = 0; run < args.warmup + args.runs; run++) {
      for (const variant of variants) {
        // Every run a first start: the executable's datastore/ beside it removed, npm start's temp folder made anew.
        rmSync(join(root, 'app', 'datastore'), { recursive: true, force: true });
        const sample = await measure(variant, join(root, variant.name === 'executable' ? 'exe-run' : 'npm-start'), args.hold);
        if (run >= args.warmup) variant.samples.push(sample);
        if (!args.json)
          process.stderr.write(`${variant.name} run ${run + 1 - args.warmup}: ${sample.startupMs.toFixed(0)} ms, RSS ${sample.rss?.toFixed(1)} MiB\n`);
      }
    }
    const summary = variants.map((variant) => ({
      command: variant.label,
      startup_ms: {
        median: +median(variant.samples.map((s) => s.startupMs)).toFixed(0),
        min: +Math.min(...variant.samples.map((s) => s.startupMs)).toFixed(0),
        max: +Math.max(...variant.samples.map((s) => s.startupMs)).toFixed(0),
      },
      rss_mib:
        variant.samples[0].rss === null
          ? null
          : { median: +median(variant.samples.map((s) => s.rss)).toFixed(1), peak_median: +median(variant.samples.map((s) => s.peak)).toFixed(1) },
    }));
    const result = {
      executable: { path: 'dist/package/' + basename(EXECUTABLE), bytes: statSync(EXECUTABLE).size, mib: +(statSync(EXECUTABLE).size / MIB).toFixed(1) },
      runs: args.runs,
      hold_sec: args.hold,
      variants: summary,
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown',
        logical_cores: os.cpus().length,
        total_memory_gib: +(os.totalmem() / 1024 ** 3).toFixed(1),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        kernel: os.release(),
      },
      load_average_1m: { start: +loadAtStart.toFixed(2), end: +os.loadavg()[0].toFixed(2) },
    };
    if (args.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    const m = result.machine;
    console.log(`executable : ${result.executable.path}, ${result.executable.mib} MiB (${result.executable.bytes} bytes)`);
    for (const v of summary) {
      const rss = v.rss_mib ? `RSS after ${args.hold} s ${v.rss_mib.median} MiB (peak ${v.rss_mib.peak_median} MiB), medians` : 'RSS n/a (no /proc)';
      console.log(
        `${v.command}\n  first 200 on /health: median ${v.startup_ms.median} ms (min ${v.startup_ms.min}, max ${v.startup_ms.max}, ${args.runs} runs); ${rss}`,
      );
    }
    console.log(`machine    : ${m.cpu} | ${m.logical_cores} logical cores | ${m.total_memory_gib} GiB RAM | node ${m.node} ${m.platform} | ${m.kernel}`);
    console.log(`load 1m    : ${result.load_average_1m.start} at start, ${result.load_average_1m.end} at end (runs interleaved; other work slows both)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
