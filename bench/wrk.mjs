// Runs Debian's wrk (a C load generator) and returns its figures in autocannon's result shape, so
// bench/load.mjs can use either. wrk costs far less CPU per request than autocannon, which matters
// when the generator shares the engine's 2 cores: with 1.7 MB answers autocannon tops out near
// 160 req/s on its own.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

export const WRK = '/usr/bin/wrk';
export const wrkAvailable = () => existsSync(WRK);

const MS_PER_UNIT = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const BYTES_PER_UNIT = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

function durationMs(text) {
  const [, value, unit] = /^([\d.]+)(us|ms|s|m)$/.exec(text) ?? [];
  return value === undefined ? NaN : Number(value) * MS_PER_UNIT[unit];
}

export function parseWrk(output) {
  const latency = (label) => durationMs((new RegExp(`^\\s*${label}\\s+(\\S+)`, 'm').exec(output) ?? [])[1] ?? '');
  const number = (re) => Number((re.exec(output) ?? [])[1] ?? 0);
  const [, transfer, unit] = /Transfer\/sec:\s+([\d.]+)(B|KB|MB|GB)/.exec(output) ?? [undefined, '0', 'B'];
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests: { average: number(/Requests\/sec:\s+([\d.]+)/) },
    latency: { p50: latency('50%'), p99: latency('99%'), max: durationMs((/^\s*Latency\s+\S+\s+\S+\s+(\S+)/m.exec(output) ?? [])[1] ?? '') },
    errors: socket ? Number(socket[1]) + Number(socket[2]) + Number(socket[3]) : 0,
    timeouts: socket ? Number(socket[4]) : 0,
    non2xx: number(/Non-2xx or 3xx responses:\s+(\d+)/),
    throughput: { average: Number(transfer) * BYTES_PER_UNIT[unit] },
  };
}

/** `wrk -t1 -c<connections> -d<duration>s --latency [-H header]... url`. */
export function runWrk({ url, headers = {}, connections, duration }) {
  const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', '--timeout', '10s'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  return new Promise((resolve, reject) => {
    execFile(WRK, [...args, url], { maxBuffer: 1024 * 1024 }, (error, stdout) => (error ? reject(error) : resolve(parseWrk(stdout))));
  });
}
