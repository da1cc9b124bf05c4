import { describe, expect, it } from '@jest/globals';
import { RunCancelled, SharedRun } from './shared-run.js';

const later = <T>(value: T, ms: number, signal: AbortSignal): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(value), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });

describe('SharedRun (one scan in flight)', () => {
  it('a second caller asking the same shares the running job', async () => {
    const runs = new SharedRun<number>();
    let started = 0;
    const job = (signal: AbortSignal) => later(++started, 20, signal);
    expect(await Promise.all([runs.run('a', undefined, job), runs.run('a', undefined, job)])).toEqual([1, 1]);
    expect(started).toBe(1);
  });

  it('a caller asking something else waits until the running job settled', async () => {
    const runs = new SharedRun<string>();
    const order: string[] = [];
    const job = (name: string) => async (signal: AbortSignal) => {
      order.push(`start ${name}`);
      const value = await later(name, 20, signal);
      order.push(`end ${name}`);
      return value;
    };
    await Promise.all([runs.run('a', undefined, job('a')), runs.run('b', undefined, job('b'))]);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('the job is aborted only when every caller sharing it has gone away; cancel() aborts it', async () => {
    const runs = new SharedRun<string>();
    let aborted = 0;
    const job = (signal: AbortSignal) => {
      signal.addEventListener('abort', () => aborted++);
      return later('done', 50, signal);
    };
    const first = new AbortController();
    const one = runs.run('a', first.signal, job);
    const two = runs.run('a', undefined, job);
    first.abort();
    await expect(one).rejects.toBeInstanceOf(RunCancelled);
    expect(aborted).toBe(0);
    expect(await two).toBe('done');

    const three = runs.run('b', undefined, job);
    expect(runs.cancel()).toBe(true);
    await expect(three).rejects.toThrow('aborted');
    expect(aborted).toBe(1);
    expect(runs.cancel()).toBe(false);
  });
});
