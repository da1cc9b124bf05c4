#!/usr/bin/env node
// History benchmark (issue #4): builds the 30-day archive (86k samples, ~50 MB) in a temp datastore,
// starts the real app on it as `npm start` runs it (run `npm run build` first) and prints the
// median of >= 20 requests per query over HTTP on loopback, the start-to-first-200 time and the
// engine's RSS. A benchmark, not a test: it never fails on a slow machine, it reports.
//
//   node bench/history.mjs [--runs 25] [--archive-script PATH] [--repo DIR] [--node-args "..."]
//
// --repo measures another checkout's build (its `npm start`) with this script; --node-args adds node flags.
// Beside the engine's memory it prints the floor from the same run: an idle
// `node -e "setInterval(()=>{},1000)"` started with the engine (issue 18).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, requireFile, startCommand } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Math.max(20, Number(arg('runs', 25)));
const archiveScript = resolve(arg('archive-script', process.env.HISTORY_ARCHIVE_SCRIPT ?? join(repo, 'bench', 'make-history-archive.mjs')));
const engineRepo = resolve(arg('repo', repo));
const engine = startCommand(engineRepo);
const extraFlags = (arg('node-args', '') ?? '').split(/\s+/).filter(Boolean);
requireFile('archive generator', archiveScript);
requireFile('built app (npm run build)', engine.entry);

let agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let port = 0;

/** One GET; resolves with status, byte count and (optionally) the body, timed to the last byte. */
function get(path, keepBody = false) {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
      const chunks = [];
      let bytes = 0;
      res.on('data', (chunk) => {
        bytes += chunk.length;
        if (keepBody) chunks.push(chunk);
      });
      res.on('end', () => ok({ status: res.statusCode, bytes, ms: performance.now() - started, body: keepBody ? Buffer.concat(chunks) : undefined }));
      res.on('error', fail);
    });
    req.on('error', fail);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const procStatus = (pid, field) => {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

const dir = mkdtempSync(join(tmpdir(), 'sentracore-bench-history-'));
const dataDir = join(dir, 'datastore');
const end = Math.floor(Date.now() / 1000);
console.log(
  execFileSync(process.execPath, [archiveScript, '--dir', join(dataDir, 'history'), '--days', '30', '--end', String(end)], { encoding: 'utf8' }).trim(),
);
execFileSync('sync');

/** Spawns the app on a datastore and resolves once /health answers 200, with the time that took. */
async function start(storeDir) {
  port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...engine.flags, ...extraFlags, engine.entry], {
    cwd: engineRepo,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      SENTRACORE_DATA_DIR: storeDir,
      SENTRACORE_PORT: String(port),
      SENTRACORE_ENGINE_CONFIG: join(dir, 'engine-config.json'),
      SENTRACORE_TELEMETRY_SOURCE: 'scripted',
    },
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}: ${stderr}`);
    const res = await get('/api/v1/health').catch(() => undefined);
    if (res?.status === 200) return { child, firstOkMs: performance.now() - t0 };
    await sleep(5);
  }
}
const stopped = (child) => new Promise((ok) => (child.exitCode !== null ? ok() : (child.once('exit', ok), child.kill('SIGTERM'))));

// The floor, alive for the whole run: an idle node.
const floor = spawn(process.execPath, ['-e', 'setInterval(()=>{},1000)'], { stdio: 'ignore' });
process.on('exit', () => floor.kill('SIGTERM'));

// The same start with an empty datastore: what the archive adds is the difference.
const empty = await start(join(dir, 'empty-datastore'));
await sleep(1000);
empty.rss = procStatus(empty.child.pid, 'VmRSS');
await stopped(empty.child);
agent.destroy();
agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const t0 = performance.now();
const { child: app, firstOkMs } = await start(dataDir);
process.on('exit', () => {
  if (app.exitCode === null) app.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});
// /storage/info answers once every day file is indexed: the archive is now fully indexed.
await get('/api/v1/storage/info');
const indexedMs = performance.now() - t0;
await sleep(500);
const rssIndexed = procStatus(app.pid, 'VmRSS');
const hwmIndexed = procStatus(app.pid, 'VmHWM');

const DAY = 86_400;
const range = (sec) => `from=${end - sec}&to=${end}`;
/** @type {[name: string, path: string, targetMs: number | undefined][]} */
const cases = [
  ['/health (HTTP round-trip baseline)', '/api/v1/health', undefined],
  ['last 1 h, raw', `/api/v1/history?${range(3600)}`, 3],
  ['last 24 h, raw', `/api/v1/history?${range(DAY)}`, 20],
  ['30 days, granularity=3600', `/api/v1/history?${range(30 * DAY)}&granularity=3600`, 7],
  ['30 days, granularity=3600, agg=avg', `/api/v1/history?${range(30 * DAY)}&granularity=3600&agg=avg`, 15],
  ['30 days raw, limit=10000', `/api/v1/history?${range(30 * DAY)}&limit=10000`, 60],
  // The dashboard's sync, every minute (history_provider.dart): from/to with 3 decimals, granularity with 2.
  [
    '7 days, granularity=30.00, limit=12000 (dashboard sync)',
    `/api/v1/history?from=${(end - 7 * DAY).toFixed(3)}&to=${end.toFixed(3)}&granularity=30.00&limit=12000`,
    undefined,
  ],
  ['30 days raw, no limit', `/api/v1/history?${range(30 * DAY)}`, 1000],
  ['/storage/info', '/api/v1/storage/info', 5],
];

// Rounds over the queries (rather than 25 of one, then 25 of the next), so that a burst of load on a
// shared machine spreads over every row instead of skewing one.
/** @typedef {{ name: string, path: string, targetMs?: number, alone: boolean, samples: number | string, mb: string, times: number[], hwm: number, p50?: number }} Row */
/** @type {Row[]} */
const rows = [];
for (const [name, path, targetMs] of cases) {
  const check = await get(path, true);
  const parsed = JSON.parse(check.body.toString('utf8')); // the body must be valid JSON, streamed or not
  for (let i = 0; i < 3; i++) await get(path);
  const alone = check.bytes > 20e6;
  rows.push({ name, path, targetMs, alone, samples: parsed.samples?.length ?? '', mb: (check.bytes / 1e6).toFixed(2), times: [], hwm: 0 });
}
const hwmBeforeRuns = procStatus(app.pid, 'VmHWM');
// The 50 MB answer runs on its own afterwards: its garbage would otherwise land on the next row.
const [small, large] = [rows.filter((r) => !r.alone), rows.filter((r) => r.alone)];
const timeOnce = async (row) => {
  row.times.push((await get(row.path)).ms);
  row.hwm = Math.max(row.hwm, procStatus(app.pid, 'VmHWM'));
};
for (let round = 0; round < RUNS; round++) for (const row of small) await timeOnce(row);
for (const row of large) for (let round = 0; round < RUNS; round++) await timeOnce(row);
for (const row of rows) row.p50 = median(row.times);

const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
console.log(
  `\nnode ${process.version}, ${RUNS} timed requests per query in interleaved rounds (after 3 warm-up each), keep-alive, loopback, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}\n`,
);
console.log('| query | samples | body MB | p50 ms | target ms | | engine peak RSS MB |');
console.log('|---|---|---|---|---|---|---|');
const verdict = (ms, target) => (target === undefined ? '' : ms <= target ? 'ok' : 'OVER');
console.log(`| start to first 200 on /health, empty datastore (baseline) | | | ${fmt(empty.firstOkMs)} | | | ${empty.rss.toFixed(0)} (RSS) |`);
console.log(
  `| start to first 200 on /health, with the archive | | | ${fmt(firstOkMs)} | 1000 | ${verdict(firstOkMs, 1000)} | ${hwmIndexed.toFixed(0)} (indexed) |`,
);
for (const r of rows)
  console.log(`| ${r.name} | ${r.samples} | ${r.mb} | ${fmt(r.p50)} | ${r.targetMs ?? ''} | ${verdict(r.p50, r.targetMs)} | ${r.hwm.toFixed(0)} |`);
const floorRss = procStatus(floor.pid, 'VmRSS');
console.log(`\nfully indexed ${fmt(indexedMs)} ms after spawn`);
const raw = rows.find((r) => r.alone);
if (raw) console.log(`peak RSS while answering "${raw.name}": ${raw.hwm.toFixed(1)} MB (VmHWM; target <= 160) | floor ${floorRss.toFixed(1)} MB`);
console.log(
  `floor: an idle node (node -e "setInterval(()=>{},1000)") in the same run: ${floorRss.toFixed(1)} MB RSS, ${procStatus(floor.pid, 'VmHWM').toFixed(1)} MB peak`,
);
console.log(`engine RSS with the archive indexed: ${rssIndexed.toFixed(1)} MB (peak so far ${hwmIndexed.toFixed(1)} MB)`);
console.log(
  `engine peak RSS (VmHWM) over all timed runs, the 50 MB no-limit answers included: ${procStatus(app.pid, 'VmHWM').toFixed(1)} MB (before them: ${hwmBeforeRuns.toFixed(1)} MB; target <= 250; floor ${floorRss.toFixed(1)} MB)`,
);
await stopped(app);
agent.destroy();
process.exit(0);
