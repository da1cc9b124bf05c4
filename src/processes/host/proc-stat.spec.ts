import { describe, expect, it } from '@jest/globals';
import { isKernelThread, parseBootTime, parseStatLine } from './proc-stat.js';

// Real lines (Linux 6.1), shortened after starttime where the parser stops.
const USER = '4242 (node (x) y) S 4100 4242 4100 34816 4242 4194560 1210 0 0 0 15 3 0 0 20 0 11 0 123456 1000 ';
const KWORKER = '37 (kworker/1:0H-events_highpri) I 2 0 0 0 -1 69238880 0 0 0 0 0 0 0 0 0 -20 1 0 40 0 ';

describe('proc-stat', () => {
  it('reads pid, comm (with spaces and parentheses), ppid, flags and the start ticks', () => {
    expect(parseStatLine(USER)).toEqual({ pid: 4242, comm: 'node (x) y', state: 'S', ppid: 4100, flags: 4194560, startTicks: 123456 });
  });

  it.each([
    ['a user process', USER, false],
    ['a kworker (PF_KTHREAD, child of kthreadd)', KWORKER, true],
    ['kthreadd itself', '2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 1 0 ', true],
  ])('tells %s', (_what, line, kernel) => {
    expect(isKernelThread(parseStatLine(line)!)).toBe(kernel);
  });

  it.each([[''], ['garbage'], ['12 (x) S 1 2']])('refuses %j', (line) => {
    expect(parseStatLine(line)).toBeUndefined();
  });

  it('reads btime', () => {
    expect(parseBootTime('cpu  1 2 3\nintr 5\nbtime 1796218156\nprocesses 9\n')).toBe(1796218156);
    expect(parseBootTime('cpu 1')).toBeNaN();
  });
});
