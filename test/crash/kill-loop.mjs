#!/usr/bin/env node
// Kill test (issue #5; SPEC §2 atomic files, §6 history, §7 runtime checkpoint).
//
// Starts the real engine (`node dist/main.js`) on a temp datastore with fast intervals, SIGKILLs it
// at random moments, restarts it, and after every kill and restart checks:
//   - every JSON file in config/ and state/ (and engine-config.json) parses; no temp files accumulate;
//   - every history line parses, except at most one repaired torn line per kill;
//   - the complete history samples never decrease, and none seen before is ever lost;
//   - previous_run_unclean is true after a kill (false on a first start, with no checkpoint yet, and after a clean stop);
//   - the warm-start /status values equal the checkpoint on disk right after the kill;
//   - the stale lock of the killed engine is taken over; a second engine is refused while one runs.
// Ends with a clean SIGTERM stop (final checkpoint flag true, baseline, engine-config `stopped`) and a
// restart that must report a clean previous run.
//
//   node test/crash/kill-loop.mjs [--kills 25] [--seed N] [--build] [--keep] [--quiet]
//
// Uses a private copy of dist/ (or, with --build, compiles one) so a rebuild of dist/ while the loop
// runs cannot break it. Prints `KILL-REPORT {json}` on stdout; exits 1 with the reason on a failure.

import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const HOLD = pathToFileURL(join(HERE, 'hold-timers.mjs')).href;
const LAST_KEYS = ['stress', 'stability', 'anomaly', 'prediction', 'normalized'];
const TEMP_FILE = /^\..+\.\d+\.\d+\.tmp$/; // AtomicJson's `.<name>.<pid>.<n>.tmp`
const START_TIMEOUT_MS = 90_000;

const { values: args } = parseArgs({
  options: {
    kills: { type: 'string', default: '25' },
    seed: { type: 'string' },
    build: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'max-run-ms': { type: 'string', default: '1200' },
    'second-every': { type: 'string', default: '10' },
    'torn-every': { type: 'string', default: '6' },
  },
});
const KILLS = positiveInt('kills');
const MAX_RUN_MS = positiveInt('max-run-ms');
const SECOND_EVERY = positiveInt('second-every');
const TORN_EVERY = positiveInt('torn-every');
const SEED = args.seed === undefined ? Date.now() % 2 ** 31 : Number(args.seed);

function positiveInt(name) {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer: "${args[name]}"`);
  return value;
}

class CheckFailed extends Error {}
const check = (ok, message) => {
  if (!ok) throw new CheckFailed(message);
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => args.quiet || process.stderr.write(`${line}\n`);

// mulberry32: kill moments are random but a seed replays the same choices.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(SEED);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** A private engine: its own dist/ beside the repo's package.json and node_modules. */
function prepareEngine(root) {
  const dir = join(root, 'engine');
  mkdirSync(dir, { recursive: true });
  cpSync(join(REPO, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), process.platform === 'win32' ? 'junction' : 'dir');
  const main = join(dir, 'dist', 'main.js');
  if (args.build) {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const build = ['-p', join(REPO, 'tsconfig.build.json'), '--outDir', join(dir, 'dist'), '--declaration', 'false', '--sourceMap', 'false'];
    try {
      execFileSync(process.execPath, [tsc, ...build], { cwd: REPO, stdio: 'pipe' });
    } catch (error) {
      // Type errors still emit JavaScript; only a missing build is fatal.
      if (!existsSync(main)) throw new Error(`build failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`, { cause: error });
    }
  } else {
    check(existsSync(join(REPO, 'dist', 'main.js')), 'dist/main.js is missing: run "npm run build" first (or pass --build)');
    cpSync(join(REPO, 'dist'), join(dir, 'dist'), { recursive: true });
  }
  return main;
}

function startEngine(main, env, { held = true } = {}) {
  const child = spawn(process.execPath, [...(held ? ['--import', HOLD] : []), main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => (output = (output + chunk.toString()).slice(-20_000)); // drain, keep the tail
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { child, pid: child.pid, exited, output: () => output, startedAt: Date.now() };
}

/** @returns {Promise<any>} a parsed JSON body, read loosely */
async function getJson(port, path) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(10_000) });
  check(response.status === 200, `GET ${path}: HTTP ${response.status}`);
  return response.json();
}

/** The first /status the engine answers (polled from spawn on, every few ms). */
async function firstStatus(engine, port) {
  for (;;) {
    check(engine.child.exitCode === null && engine.child.signalCode === null, `engine exited while starting:\n${engine.output()}`);
    try {
      return await getJson(port, '/api/v1/status');
    } catch (error) {
      if (error instanceof CheckFailed) throw error;
    }
    check(Date.now() - engine.startedAt < START_TIMEOUT_MS, `engine did not answer within ${START_TIMEOUT_MS} ms:\n${engine.output()}`);
    await sleep(5);
  }
}

async function stop(engine, signal) {
  if (engine.child.exitCode !== null || engine.child.signalCode !== null) return engine.exited;
  engine.child.kill(signal);
  return engine.exited;
}

function parseJsonFile(path, label) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CheckFailed(`${label} does not parse: ${error.message}`);
  }
}

/** Every history line: complete ones (valid or not) and the torn tail of each file, if any. */
function readHistory(dir) {
  const result = { lines: new Set(), complete: 0, bad: [], torn: [] };
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => /^samples-\d{4}-\d{2}-\d{2}\.jsonl$/.test(n))
        .sort()
    : [];
  for (const name of names) {
    const parts = readFileSync(join(dir, name), 'utf8').split('\n');
    const tail = parts.pop();
    if (tail !== '') result.torn.push({ name, text: tail });
    for (const line of parts) {
      let sample;
      try {
        sample = JSON.parse(line);
      } catch {
        sample = undefined;
      }
      if (sample && Number.isFinite(sample.at) && Number.isFinite(sample.cpu_percent)) {
        result.complete++;
        result.lines.add(line);
      } else result.bad.push({ name, text: line });
    }
  }
  return result;
}

/** What a kill (or stop) left on disk, checked on the spot. */
function inspectDatastore(ds, configFile, label) {
  const temps = [];
  for (const dir of [join(ds, 'config'), join(ds, 'state'), dirname(configFile)]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (TEMP_FILE.test(name)) temps.push(join(dir, name));
      else if (name.endsWith('.json')) parseJsonFile(join(dir, name), `${label}: ${name}`);
    }
  }
  // At most the writes that were in flight: runtime.json, baseline.json, engine-config.json.
  check(temps.length <= 3, `${label}: temp files accumulate: ${temps.join(', ')}`);
  const runtimeFile = join(ds, 'state', 'runtime.json');
  const runtime = existsSync(runtimeFile) ? parseJsonFile(runtimeFile, `${label}: state/runtime.json`) : null;
  if (runtime) check(runtime.schema === 1, `${label}: runtime.json schema ${runtime.schema}`);
  return { temps, runtime, history: readHistory(join(ds, 'history')), config: existsSync(configFile) ? parseJsonFile(configFile, 'engine-config.json') : null };
}

/**
 * History invariants between two inspections: no complete sample lost, earlier bad lines unchanged,
 * and the only new bad lines are torn tails the restart repaired (one per file at most).
 * Returns [lost, repaired].
 */
function compareHistory(before, after, label) {
  let lost = 0;
  for (const line of before.lines) if (!after.lines.has(line)) lost++;
  check(lost === 0, `${label}: ${lost} complete history samples lost`);
  check(after.complete >= before.complete, `${label}: complete samples went from ${before.complete} to ${after.complete}`);
  const key = (entry) => `${entry.name}\n${entry.text}`;
  const newBad = after.bad.map(key);
  for (const old of before.bad) {
    const at = newBad.indexOf(key(old));
    check(at >= 0, `${label}: an earlier bad history line changed: ${JSON.stringify(old.text.slice(0, 200))}`);
    newBad.splice(at, 1);
  }
  const torn = before.torn.map(key);
  let repaired = 0;
  for (const bad of newBad) {
    const at = torn.indexOf(bad);
    check(at >= 0, `${label}: history line does not parse: ${JSON.stringify(bad.slice(0, 200))}`);
    torn.splice(at, 1);
    repaired++;
  }
  // A torn tail not yet repaired (the engine was killed before its history store started) stays as it was.
  const stillTorn = after.torn.map(key);
  for (const tail of torn) check(stillTorn.includes(tail), `${label}: a torn history tail was glued to the next sample: ${JSON.stringify(tail.slice(0, 200))}`);
  return [lost, repaired];
}

/** The warm start must serve exactly the checkpoint the kill left on disk. */
async function checkWarmStart(status, port, expected, runtime, label) {
  check(status.engine.warm_started === true, `${label}: first /status has warm_started ${status.engine.warm_started}`);
  check(
    status.engine.previous_run_unclean === expected.unclean,
    `${label}: previous_run_unclean ${status.engine.previous_run_unclean}, expected ${expected.unclean}`,
  );
  for (const key of LAST_KEYS) {
    const onDisk = runtime?.[`last_${key}`] ?? null;
    check(isDeepStrictEqual(status[key], onDisk), `${label}: warm /status ${key} ${JSON.stringify(status[key])} != checkpoint ${JSON.stringify(onDisk)}`);
  }
  const lastAlert = runtime?.alerts_recent?.[0] ?? null;
  check(isDeepStrictEqual(status.alert.last_alert, lastAlert), `${label}: warm last_alert differs from the checkpoint's newest alert`);
  const info = await getJson(port, '/api/v1/storage/info');
  check(
    info.runtime_checkpoint?.previous_run_unclean === expected.unclean,
    `${label}: storage/info previous_run_unclean ${info.runtime_checkpoint?.previous_run_unclean}`,
  );
}

/** After a restart: the killed engine's temp files were swept and its stale lock taken over. */
function checkTakeover(ds, engine, previousTemps, label) {
  const left = previousTemps.filter((path) => existsSync(path));
  check(left.length === 0, `${label}: temp files of the killed engine survive the restart: ${left.join(', ')}`);
  const lock = parseJsonFile(join(ds, 'state', 'engine.lock'), `${label}: state/engine.lock`);
  check(lock.pid === engine.pid, `${label}: lock holds pid ${lock.pid}, not the running engine ${engine.pid}`);
}

/** A second engine on the same datastore is refused, names the running pid, and leaves engine-config alone. */
async function checkSecondInstance(main, env, first, configFile, label) {
  const configBefore = readFileSync(configFile, 'utf8');
  const second = startEngine(main, env, { held: false });
  const code = await second.exited;
  check(code !== 0, `${label}: a second engine started on the same datastore`);
  check(second.output().includes(`pid ${first.pid}`), `${label}: the refusal does not name pid ${first.pid}:\n${second.output()}`);
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  check(
    config.pid === first.pid && config.status === 'running',
    `${label}: the refused engine changed engine-config.json: ${JSON.stringify(config)} (was ${configBefore})`,
  );
}

const preferenceValues = new Set([85]); // the default alert_cpu_percent, then every value sent
let preferenceWrites = 0;

async function putPreference(port, value) {
  preferenceValues.add(value);
  preferenceWrites++;
  await fetch(`http://127.0.0.1:${port}/api/v1/preferences`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ alert_cpu_percent: value }),
  }).catch(() => undefined); // the engine may be killed mid-request
}

/** config/user_preferences.json holds a value that was sent (old or new, never half), and the engine serves it. */
async function checkPreferences(ds, port, label) {
  const file = join(ds, 'config', 'user_preferences.json');
  if (!existsSync(file)) return;
  const stored = parseJsonFile(file, `${label}: config/user_preferences.json`).alert_cpu_percent;
  check(preferenceValues.has(stored), `${label}: user_preferences.json holds alert_cpu_percent ${stored}, never sent`);
  const served = (await getJson(port, '/api/v1/preferences')).alert_cpu_percent;
  check(served === stored, `${label}: GET /preferences serves ${served}, the file holds ${stored}`);
}

function injectTornTail(ds) {
  const dir = join(ds, 'history');
  const newest = readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .pop();
  if (!newest) return false;
  // What a power loss in the middle of an append leaves: half a line, no newline.
  appendFileSync(join(dir, newest), '{"at":1795000000.25,"cpu_percent":41.2,"mem_pe');
  return true;
}

async function main() {
  const startedMs = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'sentracore-kill-'));
  const ds = join(root, 'datastore');
  const configFile = join(root, 'config', 'engine-config.json');
  mkdirSync(dirname(configFile), { recursive: true });
  const report = {
    seed: SEED,
    kills: 0,
    kills_during_start: 0,
    kills_while_warm: 0,
    kills_while_running: 0,
    samples_written: 0,
    samples_lost: 0,
    torn_tails_injected: 0,
    torn_tails_repaired: 0,
    warm_checks: 0,
    second_instance_checks: 0,
    starts: 0,
    preference_writes: 0,
    mean_start_ms: 0,
    duration_sec: 0,
    datastore: ds,
  };
  let engine;
  let failed = true;
  try {
    const main = prepareEngine(root);
    /** @type {NodeJS.ProcessEnv} */
    const env = {
      ...process.env,
      SENTRACORE_DATA_DIR: ds,
      SENTRACORE_ENGINE_CONFIG: configFile,
      SENTRACORE_PORT: String(await freePort()),
      SENTRACORE_HOST: '127.0.0.1',
      SENTRACORE_TELEMETRY_SOURCE: 'scripted',
      SENTRACORE_COLLECTION_INTERVAL_SEC: '0.2',
      SENTRACORE_HISTORY_SAMPLE_INTERVAL_SEC: '0.2',
      SENTRACORE_RUNTIME_CHECKPOINT_INTERVAL_SEC: '0.4',
      // Run outside jest too: never the built-in cleanup table or the real home (test/setup/cleanup-sandbox.ts).
      SENTRACORE_CLEANUP_CATEGORIES_FILE: join(root, 'no-categories.json'),
      HOME: root,
    };
    writeFileSync(env.SENTRACORE_CLEANUP_CATEGORIES_FILE, '[]\n');
    delete env.NODE_OPTIONS;
    delete env.ENGINE_PORT;
    const port = Number(env.SENTRACORE_PORT);
    let last = inspectDatastore(ds, configFile, 'initial');
    let startMsTotal = 0;
    let timedStarts = 0; // starts that ran until /status answered

    // After a kill the previous run is unclean, unless no checkpoint was ever written (a first start).
    const boot = async (label, afterKill) => {
      const unclean = afterKill && last.runtime !== null;
      engine = startEngine(main, env);
      report.starts++;
      const status = await firstStatus(engine, port);
      startMsTotal += Date.now() - engine.startedAt;
      timedStarts++;
      await checkWarmStart(status, port, { unclean }, last.runtime, label);
      checkTakeover(ds, engine, last.temps, label);
      await checkPreferences(ds, port, label);
      report.warm_checks++;
    };
    const afterStop = (label) => {
      const now = inspectDatastore(ds, configFile, label);
      const [lost, repaired] = compareHistory(last.history, now.history, label);
      report.samples_lost += lost;
      report.torn_tails_repaired += repaired;
      last = now;
      return now;
    };

    for (let kill = 1; kill <= KILLS; kill++) {
      const label = `kill ${kill}/${KILLS}`;
      const secondInstance = kill % SECOND_EVERY === 0;
      const roll = secondInstance ? 1 : random();
      let moment;
      if (roll < 0.1 && timedStarts > 0) {
        // During start-up: lock, migrations, checkpoint write-back, torn-tail repair, listen.
        engine = startEngine(main, env);
        report.starts++;
        await sleep(random() * (startMsTotal / timedStarts));
        moment = 'during start';
        report.kills_during_start++;
      } else {
        await boot(label, true);
        if (roll < 0.2) {
          moment = 'while warm';
          report.kills_while_warm++;
        } else {
          engine.child.kill('SIGUSR2'); // release the held jobs: fresh cycles, history, checkpoints
          if (secondInstance) {
            await checkSecondInstance(main, env, engine, configFile, label);
            report.second_instance_checks++;
          }
          const runMs = random() * MAX_RUN_MS;
          // Half the runs also change a preference, so kills land in config/ writes too.
          if (random() < 0.5) setTimeout(() => void putPreference(port, 50 + (kill % 40)), random() * runMs);
          await sleep(runMs);
          moment = 'while running';
          report.kills_while_running++;
        }
      }
      const signal = await stop(engine, 'SIGKILL');
      check(signal === 'SIGKILL', `${label}: engine had already exited (${signal}) before the kill:\n${engine.output()}`);
      report.kills++;
      const now = afterStop(label);
      if (now.runtime) check(now.runtime.last_clean_shutdown === false, `${label}: checkpoint flag true after a kill`);
      if (kill % TORN_EVERY === 0 && injectTornTail(ds)) {
        report.torn_tails_injected++;
        last = inspectDatastore(ds, configFile, `${label} (torn tail injected)`);
      }
      log(`${label} ${moment}: ${now.history.complete} samples, ${now.history.bad.length} repaired torn lines, ${now.temps.length} temp files`);
    }

    // A clean stop after all the kills: final checkpoint, baseline, engine-config `stopped`.
    await boot('final start', true);
    engine.child.kill('SIGUSR2');
    await sleep(600);
    check((await stop(engine, 'SIGTERM')) === 0, `SIGTERM: engine did not exit 0:\n${engine.output()}`);
    const clean = afterStop('clean stop');
    check(clean.runtime?.last_clean_shutdown === true, 'clean stop: checkpoint flag is not true');
    check(clean.temps.length === 0, `clean stop: temp files left: ${clean.temps.join(', ')}`);
    check(!existsSync(join(ds, 'state', 'engine.lock')), 'clean stop: the engine lock was not released');
    const baseline = parseJsonFile(join(ds, 'state', 'baseline.json'), 'clean stop: baseline.json');
    check(baseline.global?.cpu_percent?.count > 0, 'clean stop: baseline.json holds no samples');
    check(clean.config?.status === 'stopped' && clean.config.pid === 0, `clean stop: engine-config.json ${JSON.stringify(clean.config)}`);

    // The next start sees a clean previous run and warm-starts from the final checkpoint.
    await boot('restart after clean stop', false);
    check((await stop(engine, 'SIGINT')) === 0, `SIGINT: engine did not exit 0:\n${engine.output()}`);
    const final = afterStop('second clean stop');
    check(final.runtime?.last_clean_shutdown === true, 'second clean stop: checkpoint flag is not true');

    report.samples_written = final.history.complete;
    report.preference_writes = preferenceWrites;
    report.mean_start_ms = Math.round(startMsTotal / timedStarts);
    failed = false;
  } catch (error) {
    if (engine) await stop(engine, 'SIGKILL');
    process.stderr.write(`KILL TEST FAILED (seed ${SEED}, after ${report.kills} kills; datastore kept at ${root}): ${error.stack ?? error}\n`);
  } finally {
    report.duration_sec = Math.round((Date.now() - startedMs) / 100) / 10;
    if (!failed && !args.keep) rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(`KILL-REPORT ${JSON.stringify({ ok: !failed, ...report })}\n`);
  process.exitCode = failed ? 1 : 0;
}

await main();
