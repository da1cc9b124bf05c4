// Parsing of Linux /proc/[pid]/stat and /proc/stat for the facts the safety rules need.

/** PF_KTHREAD in include/linux/sched.h: set on every kernel thread. */
const PF_KTHREAD = 0x00200000;
/** kthreadd, the parent of every kernel thread. */
export const KTHREADD_PID = 2;

export interface PidStatFacts {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  flags: number;
  startTicks: number;
}

/** undefined when the text is not a stat line. comm may hold spaces and ')', so it ends at the last ')'. */
export function parseStatLine(text: string): PidStatFacts | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  // After comm: state(3) ppid(4) pgrp session tty_nr tpgid flags(9) ... starttime(22).
  const rest = text.slice(close + 2).split(' ', 20);
  if (rest.length < 20) return undefined;
  const numbers = [rest[1], rest[6], rest[19]].map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return undefined;
  return {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    state: rest[0],
    ppid: numbers[0],
    flags: numbers[1],
    startTicks: numbers[2],
  };
}

export function isKernelThread(stat: PidStatFacts): boolean {
  return (stat.flags & PF_KTHREAD) !== 0 || stat.pid === KTHREADD_PID || stat.ppid === KTHREADD_PID;
}

/** `btime` of /proc/stat: boot time in unix seconds; NaN when absent. */
export function parseBootTime(procStat: string): number {
  const match = /^btime (\d+)$/m.exec(procStat);
  return match ? Number(match[1]) : NaN;
}
