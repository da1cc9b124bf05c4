import { describe, it, expect } from '@jest/globals';
import { EventLogger, type EventRecord } from './event-logger.js';

const event = (timestamp: number): EventRecord => ({
  timestamp,
  event_type: 'cpu_spike',
  severity: 'warning',
  details: { cpu_percent: 91.2, description: `at ${timestamp}` },
});

describe('EventLogger', () => {
  it('lists newest first, and returns what it logged', () => {
    const logger = new EventLogger();
    expect([1, 2, 3].map((t) => logger.log(event(t)))).toEqual([event(1), event(2), event(3)]);
    expect(logger.list().map((e) => e.timestamp)).toEqual([3, 2, 1]);
    expect(logger.list(2).map((e) => e.timestamp)).toEqual([3, 2]);
  });

  it('keeps only the most recent `capacity` events', () => {
    const logger = new EventLogger(200);
    for (let t = 1; t <= 250; t += 1) logger.log(event(t));
    expect(logger.list()).toHaveLength(200);
    expect(logger.list().at(0)?.timestamp).toBe(250);
    expect(logger.list().at(-1)?.timestamp).toBe(51);
  });
});
