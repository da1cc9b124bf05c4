import { describe, expect, it } from '@jest/globals';
import { invalidTargetMessage, parseTarget } from './target.js';

describe('/hardware/test targets', () => {
  it.each([
    ['cpu', 'cpu'],
    [' Memory ', 'memory'],
    ['disk', 'disks'],
    ['DISKS', 'disks'],
    ['gpu', undefined],
    ['', undefined],
    ['constructor', undefined],
  ])('%j → %s', (target, expected) => {
    expect(parseTarget(target)).toBe(expected);
  });

  it("says what is accepted, as the earlier engine's message", () => {
    expect(invalidTargetMessage('gpu')).toBe("invalid hardware test target 'gpu'; use cpu, memory, or disk");
  });
});
