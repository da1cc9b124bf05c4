// bench/hardware.mjs — does a hardware probe disturb the sampling cycle? Boots the engine in this
// process (system telemetry, sampling on at the default 2 s interval, loopback on a free port), then
// measures how late each cycle tick starts (CycleJob.timing().lastLagMs) and the event-loop delay,
// first with no hardware requests, then while 10 concurrent GET /hardware/health?refresh=true run
// back to back. Build first: `npm run build`. Usage: node bench/hardware.mjs [--seconds 30] [--interval 2]
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
const seconds = arg('seconds', 30);
const intervalSec = arg('interval', 2);

const { SentraCoreModule } = await import(join(dist, 'index.js'));
const { CycleJob } = await import(join(dist, 'engine', 'cycle.job.js'));
const { createFastifyAdapter } = await import(join(dist, 'http', 'fastify-adapter.js'));

const dataDir = mkdtempSync(join(tmpdir(), 'sc-bench-hardware-'));
class Host {}
Module({ imports: [ScheduleModule.forRoot(), SentraCoreModule.forRoot({ dataDir, sampling: { enabled: true, collectionIntervalSec: intervalSec } })] })(Host);
const app = await NestFactory.create(Host, createFastifyAdapter(), { logger: false });
await app.listen(0, '127.0.0.1');
const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
const cycle = app.get(CycleJob);

const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

/** Runs `load` (if any) for `seconds` and collects each cycle's start lag and the event-loop delay. */
async function phase(name, load) {
  const lags = [];
  let runs = cycle.timing().runs;
  const skippedBefore = cycle.timing().skipped;
  const poll = setInterval(() => {
    const timing = cycle.timing();
    if (timing.runs !== runs) {
      runs = timing.runs;
      lags.push(timing.lastLagMs);
    }
  }, 10);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const elu = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  // The client runs in a child process, so only the engine's own work shares this event loop.
  const client = load ? runClient() : new Promise((resolve) => setTimeout(() => resolve(undefined), seconds * 1000));
  const result = await client;
  delay.disable();
  clearInterval(poll);
  const busy = performance.eventLoopUtilization(elu).utilization;
  const used = process.cpuUsage(cpu);
  const ms = (ns) => (ns / 1e6).toFixed(1);
  console.log(
    `${name.padEnd(22)} cycles ${String(lags.length).padStart(3)}  lag median ${quantile(lags, 0.5).toFixed(1)} ms  p95 ${quantile(lags, 0.95).toFixed(1)} ms  max ${Math.max(...lags).toFixed(1)} ms` +
      `  skipped ${cycle.timing().skipped - skippedBefore}  event-loop delay p50 ${ms(delay.percentile(50))} ms p99 ${ms(delay.percentile(99))} ms max ${ms(delay.max)} ms` +
      `  loop busy ${(busy * 100).toFixed(1)} %  engine CPU ${((used.user + used.system) / 1e4 / seconds).toFixed(1)} % of a core` +
      (result ? `  rounds of 10 refreshes ${result.rounds}, median ${result.medianMs.toFixed(0)} ms` : ''),
  );
}

const CLIENT = `
const [base, seconds] = process.argv.slice(1);
const deadline = Date.now() + Number(seconds) * 1000;
const times = [];
while (Date.now() < deadline) {
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(base + '/api/v1/hardware/health?refresh=true').then((r) => r.json())));
  if (answers.some((answer) => answer.ok !== true)) throw new Error('a hardware answer was not ok');
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ rounds: times.length, medianMs: times[Math.floor(times.length / 2)] }));
`;

/** 10 concurrent refresh=true requests, round after round, from a child process; resolves with its summary. */
function runClient() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CLIENT, base, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`client exited ${code}`))));
  });
}

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; interval ${intervalSec} s, ${seconds} s per phase`,
);
try {
  await phase('idle (no hardware)', false);
  await phase('10 × refresh=true loop', true);
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
