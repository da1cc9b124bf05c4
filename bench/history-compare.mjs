#!/usr/bin/env node
// Side-by-side history benchmark: this checkout's build against another checkout's build (an
// earlier commit, say), each on a 30-day archive written by its own generator, both engines
// running at once and every request alternating between them. On a shared, loaded machine the
// load then falls on both alike, so the ratio means something even when the medians drift.
// A benchmark, not a test: it reports.
//
//   node bench/history-compare.mjs --against /path/to/other-checkout [--against-archive-script PATH] [--runs 40]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, requireFile, startCommand } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const other = arg('against');
if (!other) {
  console.error('usage: node bench/history-compare.mjs --against <checkout> [--against-archive-script PATH] [--runs 40]');
  process.exit(2);
}
const RUNS = Math.max(20, Number(arg('runs', 40)));
const sides = [
  { label: 'this', repo: here, archive: join(here, 'bench', 'make-history-archive.mjs') },
  { label: 'other', repo: resolve(other), archive: resolve(arg('against-archive-script', join(other, 'bench', 'make-history-archive.mjs'))) },
];
for (const side of sides) {
  side.engine = startCommand(side.repo);
  requireFile(`${side.label} archive generator`, side.archive);
  requireFile(`${side.label} build (npm run build)`, side.engine.entry);
}

const dir = mkdtempSync(join(tmpdir(), 'sentracore-bench-compare-'));
const end = Math.floor(Date.now() / 1000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function get(side, path) {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const req = http.get({ host: '127.0.0.1', port: side.port, path, agent: side.agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => ok({ status: res.statusCode, ms: performance.now() - started }));
      res.on('error', fail);
    });
    req.on('error', fail);
  });
}

async function start(side) {
  const store = join(dir, side.label);
  execFileSync(process.execPath, [side.archive, '--dir', join(store, 'history'), '--days', '30', '--end', String(end)]);
  side.port = await freePort();
  side.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  side.child = spawn(process.execPath, [...side.engine.flags, side.engine.entry], {
    cwd: side.repo,
    stdio: 'ignore',
    env: {
      ...process.env,
      SENTRACORE_DATA_DIR: store,
      SENTRACORE_PORT: String(side.port),
      SENTRACORE_ENGINE_CONFIG: join(dir, `${side.label}-engine-config.json`),
      SENTRACORE_TELEMETRY_SOURCE: 'scripted',
    },
  });
  for (;;) {
    if (side.child.exitCode !== null) throw new Error(`${side.label} engine exited with ${side.child.exitCode}`);
    if ((await get(side, '/api/v1/storage/info').catch(() => undefined))?.status === 200) return;
    await sleep(20);
  }
}

const stop = (child) => new Promise((ok) => (child.exitCode !== null ? ok() : (child.once('exit', ok), child.kill('SIGTERM'))));
process.on('exit', () => {
  for (const side of sides) if (side.child?.exitCode === null) side.child.kill('SIGKILL');
});
for (const side of sides) await start(side);

const DAY = 86_400;
const range = (sec) => `from=${end - sec}&to=${end}`;
const cases = [
  ['/health (round-trip floor)', '/api/v1/health'],
  ['last 1 h, raw', `/api/v1/history?${range(3600)}`],
  ['last 24 h, raw', `/api/v1/history?${range(DAY)}`],
  ['30 days, granularity=3600', `/api/v1/history?${range(30 * DAY)}&granularity=3600`],
  ['30 days, granularity=3600, agg=avg', `/api/v1/history?${range(30 * DAY)}&granularity=3600&agg=avg`],
  ['30 days raw, limit=10000', `/api/v1/history?${range(30 * DAY)}&limit=10000`],
  ['30 days raw, no limit', `/api/v1/history?${range(30 * DAY)}`],
];
const rows = [];
for (const [name, path] of cases) {
  const times = { this: [], other: [] };
  for (const side of sides) for (let i = 0; i < 3; i++) await get(side, path);
  for (let round = 0; round < RUNS; round++) {
    // Alternate which side goes first, so neither always meets the warmer cache.
    const order = round % 2 ? [...sides].reverse() : sides;
    for (const side of order) {
      const res = await get(side, path);
      if (res.status !== 200) throw new Error(`${side.label} ${path}: HTTP ${res.status}`);
      times[side.label].push(res.ms);
    }
  }
  rows.push({ name, a: median(times.this), b: median(times.other) });
}

const fmt = (ms) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
console.log(
  `\n${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`${RUNS} alternating requests per query and side, keep-alive, loopback; other = ${sides[1].repo}\n`);
console.log('| query | this p50 ms | other p50 ms | this / other |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${fmt(r.a)} | ${fmt(r.b)} | ${(r.a / r.b).toFixed(2)} |`);
for (const side of sides) side.agent.destroy();
await Promise.all(sides.map((side) => stop(side.child)));
rmSync(dir, { recursive: true, force: true });
process.exit(0);
