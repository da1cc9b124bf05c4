#!/usr/bin/env node
// Writes a deterministic history archive in the on-disk format of the
// datastore's history/ folder: one JSON object per line, one file per UTC day
// (samples-YYYY-MM-DD.jsonl). Used to benchmark and test history queries on a
// realistic amount of data without waiting for real sampling.
//
//   node make-history-archive.mjs --dir DIR [--days 30] [--interval 30]
//        [--end UNIX_SECONDS] [--procs 5] [--seed 1]
//
// --end defaults to the current time, so the archive covers the last --days
// days and survives a retention of that many days.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
    return acc;
  }, []),
);
if (!args.dir) {
  console.error('usage: make-history-archive.mjs --dir DIR [--days 30] [--interval 30] [--end UNIX_SECONDS] [--procs 5] [--seed 1]');
  process.exit(2);
}
const days = Number(args.days ?? 30);
const interval = Number(args.interval ?? 30);
const end = Math.floor(Number(args.end ?? Date.now() / 1000));
const procs = Number(args.procs ?? 5);
let state = Number(args.seed ?? 1) >>> 0 || 1;
const rand = () => {
  // xorshift32: deterministic and fast
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 0x100000000;
};
const r2 = (x) => Math.round(x * 100) / 100;
// Float-typed values in float form (45.0), as both engines write them (SPEC §4 "Number types"); for
// values with at most 2 decimals this is exactly what the engine's pythonFloat writes.
/** @param {number} x */
const float = (x) => (Number.isInteger(x) ? x.toFixed(1) : String(x));
/** @param {{ name: string, pid: number, cpu_percent: number, mem_percent: number, impact: number }} p */
const processJson = (p) =>
  `{"name":${JSON.stringify(p.name)},"pid":${p.pid},"cpu_percent":${float(p.cpu_percent)},"mem_percent":${float(p.mem_percent)},"impact":${float(p.impact)}}`;
/** @param {{ at: number, cpu_percent: number, mem_percent: number, disk_pressure_percent: number, stability_score: number, stress_score: number, top_processes: Parameters<typeof processJson>[0][] }} s */
const sampleJson = (s) =>
  `{"at":${float(s.at)},"cpu_percent":${float(s.cpu_percent)},"mem_percent":${float(s.mem_percent)},"disk_pressure_percent":${float(s.disk_pressure_percent)},` +
  `"stability_score":${float(s.stability_score)},"stress_score":${float(s.stress_score)},"top_processes":[${s.top_processes.map(processJson).join(',')}]}`;
const names = ['chrome.exe', 'code.exe', 'node.exe', 'explorer.exe', 'python.exe', 'svchost.exe', 'msedge.exe', 'teams.exe'];

mkdirSync(args.dir, { recursive: true });
const start = end - days * 86400;
const files = new Map();
let count = 0;
for (let at = start; at <= end; at += interval) {
  const hour = new Date(at * 1000).getUTCHours();
  const daytime = hour >= 8 && hour < 20 ? 1 : 0.4;
  const cpu = Math.min(100, Math.max(0, 35 * daytime + 20 * rand() + (rand() < 0.01 ? 50 : 0)));
  const mem = Math.min(100, Math.max(0, 55 + 10 * Math.sin(at / 7200) + 5 * rand()));
  const disk = Math.min(100, Math.max(0, 15 * rand() + (rand() < 0.02 ? 60 : 0)));
  const stress = 0.4 * cpu + 0.35 * mem + 0.25 * disk;
  const sample = {
    at: at + 0.5,
    cpu_percent: r2(cpu),
    mem_percent: r2(mem),
    disk_pressure_percent: r2(disk),
    stability_score: r2(Math.max(1, 100 - 0.5 * stress)),
    stress_score: r2(stress),
    top_processes: Array.from({ length: procs }, (_, i) => ({
      name: names[(i + Math.floor(rand() * names.length)) % names.length],
      pid: 1000 + Math.floor(rand() * 30000),
      cpu_percent: r2(cpu / (i + 2)),
      mem_percent: r2(mem / (i + 4)),
      impact: r2((cpu + mem) / (i + 3)),
    })),
  };
  const day = new Date(at * 1000).toISOString().slice(0, 10);
  if (!files.has(day)) files.set(day, []);
  files.get(day).push(sampleJson(sample));
  count++;
}
let bytes = 0;
for (const [day, lines] of files) {
  const text = lines.join('\n') + '\n';
  bytes += Buffer.byteLength(text);
  writeFileSync(join(args.dir, `samples-${day}.jsonl`), text);
}
console.log(`${count} samples in ${files.size} files, ${bytes} bytes, from ${start} to ${end}`);
