import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalJob } from './interval-job.js';

describe('IntervalJob timing', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('measures how late each tick fires against the previous start plus the period', async () => {
    const job = new IntervalJob('test.job', () => undefined, 1000);
    job.tick();
    await job.idle();
    jest.advanceTimersByTime(1000);
    job.tick();
    await job.idle();
    expect(job.timing()).toMatchObject({ runs: 2, skipped: 0, lastLagMs: 0, maxLagMs: 0 });
    jest.advanceTimersByTime(1250);
    job.tick();
    await job.idle();
    jest.advanceTimersByTime(1010);
    job.tick();
    await job.idle();
    expect(job.timing()).toMatchObject({ runs: 4, skipped: 0, lastLagMs: 10, maxLagMs: 250 });
  });

  it('counts a skipped tick, and the run after it is a whole period late', async () => {
    let release!: () => void;
    const job = new IntervalJob('test.job', () => new Promise<void>((resolve) => (release = resolve)), 1000);
    job.tick();
    jest.advanceTimersByTime(1000);
    job.tick();
    expect(job.timing()).toMatchObject({ runs: 1, skipped: 1 });
    jest.advanceTimersByTime(300);
    release();
    await job.idle();
    expect(job.timing().lastRunMs).toBe(1300);
    jest.advanceTimersByTime(700);
    job.tick();
    expect(job.timing()).toMatchObject({ runs: 2, skipped: 1, lastLagMs: 1000, maxLagMs: 1000 });
    release();
    await job.idle();
  });

  it('without a period it runs and counts but measures no lag', async () => {
    const job = new IntervalJob('test.job', () => undefined);
    job.tick();
    await job.idle();
    jest.advanceTimersByTime(5000);
    job.tick();
    await job.idle();
    expect(job.timing()).toMatchObject({ runs: 2, skipped: 0, lastLagMs: 0, maxLagMs: 0 });
  });
});

describe('IntervalJob scheduling', () => {
  it('ticks every period under its name in the registry, and unschedule waits for the run in progress', async () => {
    jest.useFakeTimers();
    try {
      const registry = new SchedulerRegistry();
      let release = () => undefined as void;
      let runs = 0;
      const job = new IntervalJob('test.scheduled', () => (runs++, new Promise<void>((resolve) => (release = resolve))), 1000);
      job.schedule(registry);
      expect(registry.doesExist('interval', 'test.scheduled')).toBe(true);
      jest.advanceTimersByTime(1000);
      expect(runs).toBe(1);
      let stopped = false;
      const stopping = job.unschedule(registry).then(() => (stopped = true));
      expect(registry.doesExist('interval', 'test.scheduled')).toBe(false);
      await Promise.resolve();
      expect(stopped).toBe(false);
      release();
      await stopping;
      jest.advanceTimersByTime(5000);
      expect(runs).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses to schedule without a period', () => {
    expect(() => new IntervalJob('test.unperiodic', () => undefined).schedule(new SchedulerRegistry())).toThrow('has no period');
  });
});
