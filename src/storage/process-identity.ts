import { readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux architecture Node runs on. */
const USER_HZ = 100;

/**
 * A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), as a string:
 * with the pid it names one process for the whole uptime, so a reused pid has another value.
 * Undefined where /proc is missing (Windows, macOS) or the process is gone.
 */
export async function processStartTicks(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces or ')': fields resume after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19]; // field 22; fields[0] is field 3
  return ticks !== undefined && /^\d+$/.test(ticks) ? ticks : undefined;
}

/** When a process started, in unix seconds (Linux only): boot time (/proc/stat btime) plus its start ticks. */
export async function processStartSec(pid: number): Promise<number | undefined> {
  const [ticks, stat] = await Promise.all([processStartTicks(pid), readFile('/proc/stat', 'utf8').catch(() => undefined)]);
  const btime = stat && /^btime (\d+)$/m.exec(stat)?.[1];
  if (ticks === undefined || !btime) return undefined;
  return Number(btime) + Number(ticks) / USER_HZ;
}
