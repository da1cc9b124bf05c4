import { describe, it, expect } from '@jest/globals';
import { EventLogger, type EventRecord } from './event-logger.js';

const event = (timestamp: number, event_type = 'cpu_spike_start'): EventRecord => ({
  timestamp,
  event_type,
  severity: 'warning',
  details: `at ${timestamp}`,
});

describe('EventLogger', () => {
  it('lists newest first', () => {
    const logger = new EventLogger();
    [1, 2, 3].forEach((t) => logger.log(event(t)));
    expect(logger.list().map((e) => e.timestamp)).toEqual([3, 2, 1]);
    expect(logger.list(2).map((e) => e.timestamp)).toEqual([3, 2]);
  });

  it('keeps only the most recent `capacity` events', () => {
    const logger = new EventLogger(200);
    for (let t = 1; t <= 250; t += 1) logger.log(event(t));
    expect(logger.count).toBe(200);
    expect(logger.list().at(0)?.timestamp).toBe(250);
    expect(logger.list().at(-1)?.timestamp).toBe(51);
  });

  it('selects the events since a time, inclusive', () => {
    const logger = new EventLogger();
    [10, 20, 30, 40].forEach((t) => logger.log(event(t)));
    expect(logger.since(20).map((e) => e.timestamp)).toEqual([40, 30, 20]);
    expect(logger.since(41)).toEqual([]);
  });

  it('returns what it logged and clears', () => {
    const logger = new EventLogger();
    expect(logger.log(event(5, 'alert_fired'))).toEqual({ timestamp: 5, event_type: 'alert_fired', severity: 'warning', details: 'at 5' });
    logger.clear();
    expect(logger.list()).toEqual([]);
  });
});
