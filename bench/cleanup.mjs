// bench/cleanup.mjs — how fast is a cleanup scan, and does it disturb the sampling cycle? Builds a
// temp tree of 100,000 small files (4 categories of 25,000, the per-category cap) inside its own
// temp root, boots the engine in this process on a category table pointing there (scripted
// telemetry, sampling on), then per round: an idle phase, a POST /cleanup/scan, and a finder walk
// (GET /storage/large) of the same tree, with each cycle's start lag (EngineJobs.cycleTiming) and the
// event-loop delay measured during each. Prints medians over the rounds and the machine.
// Nothing outside the temp root is scanned, and nothing is deleted. Build first: `npm run build`.
// Usage: node bench/cleanup.mjs [--files 100000] [--rounds 5] [--interval 0.5]
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { requireFile } from './lib.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(repo, 'dist');
requireFile('the build (run npm run build)', join(dist, 'index.js'));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const files = arg('files', 100_000);
const rounds = arg('rounds', 5);
const intervalSec = arg('interval', 0.5);
const PER_CATEGORY = 25_000;
const PER_DIR = 500;

const { SentraCoreModule } = await import(join(dist, 'index.js'));
const { EngineJobs } = await import(join(dist, 'engine', 'engine-jobs.js'));
const { createFastifyAdapter } = await import(join(dist, 'http', 'fastify-adapter.js'));

const root = mkdtempSync(join(tmpdir(), 'sc-bench-cleanup-'));
const categories = Math.ceil(files / PER_CATEGORY);
const made = Date.now();
for (let n = 0; n < files; n++) {
  const dir = join(root, 'tree', `c${Math.floor(n / PER_CATEGORY)}`, `d${Math.floor(n / PER_DIR)}`);
  if (n % PER_DIR === 0) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${n}.bin`), 'x');
}
const madeMs = Date.now() - made;
const table = Array.from({ length: categories }, (_, c) => ({
  id: `c${c}`,
  label: `bench ${c}`,
  description: 'bench tree',
  roots: [join(root, 'tree', `c${c}`)],
  min_age_days: 0,
  requires_admin: false,
}));
writeFileSync(join(root, 'categories.json'), JSON.stringify(table));

class Host {}
Module({
  imports: [
    ScheduleModule.forRoot(),
    SentraCoreModule.forRoot({
      dataDir: join(root, 'datastore'),
      sampling: { enabled: true, collectionIntervalSec: intervalSec },
      telemetry: { source: 'scripted' },
      cleanup: { categoriesFile: join(root, 'categories.json'), homeDir: join(root, 'tree'), recentChangeSec: 0, scanBudgetSec: 300 },
    }),
  ],
})(Host);
const app = await NestFactory.create(Host, createFastifyAdapter(), { logger: false });
await app.listen(0, '127.0.0.1');
const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
const jobs = app.get(EngineJobs);
const cycle = { timing: () => jobs.cycleTiming() };

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

/** Runs `work` and measures the cycle start lags and the event-loop delay meanwhile. */
async function measured(work) {
  const lags = [];
  let runs = cycle.timing().runs;
  const poll = setInterval(() => {
    const timing = cycle.timing();
    if (timing.runs !== runs) {
      runs = timing.runs;
      lags.push(timing.lastLagMs);
    }
  }, 5);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  delay.disable();
  clearInterval(poll);
  return { ms, result, cycles: lags.length, lagMax: lags.length ? Math.max(...lags) : NaN, delayP99: delay.percentile(99) / 1e6, delayMax: delay.max / 1e6 };
}

const post = async (path, body) =>
  (await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
const rows = { idle: [], scan: [], finder: [] };
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${files} files in ${categories} categories (made in ${madeMs} ms), sampling every ${intervalSec} s, ${rounds} rounds`,
);
try {
  for (let round = 0; round < rounds; round++) {
    const scan = await measured(() => post('/api/v1/cleanup/scan', {}));
    if (scan.result.ok !== true || scan.result.total_files !== files) throw new Error(`scan answered ${JSON.stringify(scan.result).slice(0, 200)}`);
    const idle = await measured(() => new Promise((resolve) => setTimeout(resolve, scan.ms)));
    const finder = await measured(async () =>
      (await fetch(`${base}/api/v1/storage/large?path=${encodeURIComponent(join(root, 'tree'))}&min_mb=0&limit=100&max_files_scanned=2000000`)).json(),
    );
    if (finder.result.ok !== true || finder.result.files_scanned !== files) throw new Error(`finder answered ${JSON.stringify(finder.result).slice(0, 200)}`);
    rows.scan.push(scan);
    rows.idle.push(idle);
    rows.finder.push(finder);
    console.log(
      `round ${round + 1}: scan ${scan.ms.toFixed(0)} ms (${((files / scan.ms) * 1000).toFixed(0)} files/s), cycle lag max ${scan.lagMax.toFixed(1)} ms, loop delay p99 ${scan.delayP99.toFixed(1)} ms;` +
        ` finder ${finder.ms.toFixed(0)} ms (${((files / finder.ms) * 1000).toFixed(0)} files/s); idle lag max ${idle.lagMax.toFixed(1)} ms`,
    );
  }
  const summary = (name, list, walked) =>
    `${name.padEnd(8)} median ${median(list.map((r) => r.ms)).toFixed(0)} ms` +
    (walked ? `  ${median(list.map((r) => (files / r.ms) * 1000)).toFixed(0)} files/s` : '') +
    `  cycles ${median(list.map((r) => r.cycles))}  cycle lag max (median of rounds) ${median(list.map((r) => r.lagMax)).toFixed(1)} ms` +
    `  event-loop delay p99 ${median(list.map((r) => r.delayP99)).toFixed(1)} ms, max ${median(list.map((r) => r.delayMax)).toFixed(1)} ms`;
  console.log(summary('idle', rows.idle, false));
  console.log(summary('scan', rows.scan, true));
  console.log(summary('finder', rows.finder, true));
} finally {
  await app.close();
  rmSync(root, { recursive: true, force: true });
}
