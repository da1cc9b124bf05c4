import { describe, expect, it } from '@jest/globals';
import { raise, worstStatus } from './status.js';

describe('worstStatus (healthy < unknown < warning < critical)', () => {
  it.each([
    [['healthy', 'warning', 'healthy'], 'warning'],
    [['healthy', 'critical', 'warning'], 'critical'],
    [['healthy', 'healthy'], 'healthy'],
    [[], 'unknown'],
    [['healthy', 'unknown'], 'unknown'],
    [['unknown', 'warning'], 'warning'],
    [['healthy', 'degraded'], 'degraded'], // an unrecognised word ranks like unknown and is kept as it was
    [['degraded', 'unknown'], 'degraded'],
    [['degraded', 'warning'], 'warning'],
  ])('%j → %s', (statuses, expected) => {
    expect(worstStatus(statuses)).toBe(expected);
  });

  it('raise never lowers a status', () => {
    expect(raise('critical', 'warning')).toBe('critical');
    expect(raise('healthy', 'unknown')).toBe('unknown');
    expect(raise('unknown', 'warning')).toBe('warning');
  });
});
