import { describe, expect, it } from '@jest/globals';
import { describeDetails, eventName } from './events';

describe('event details in either shape', () => {
  it.each([
    ['CPU spike started at 91.2%', 'CPU spike started at 91.2%'],
    [{ description: 'CPU spike to 91.2%', cpu_percent: 91.2 }, 'CPU spike to 91.2%'],
    [{ pid: 4100, name: 'browser' }, 'pid: 4100, name: browser'],
    [{ description: '', pid: 7, nested: { a: 1 } }, 'pid: 7'],
    [null, ''],
    [undefined, ''],
  ])('%j reads as %j', (details, text) => {
    expect(describeDetails(details)).toBe(text);
  });

  it.each([
    ['cpu_spike', 'CPU spike'],
    ['memory_pressure', 'Memory pressure'],
    ['disk_spike', 'Disk spike'],
    ['process_start', 'Process started'],
    ['process_stop', 'Process stopped'],
    ['stress_level_change', 'Stress level change'],
    ['cpu_spike_start', 'CPU spike start'],
  ])('%s is named %s', (type, name) => {
    expect(eventName(type)).toBe(name);
  });
});
