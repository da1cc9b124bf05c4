import { describe, expect, it } from '@jest/globals';
import { ErrorList, MAX_ERRORS } from './error-list.js';

describe('ErrorList (bounded errors of an apply)', () => {
  it('keeps the first 50 failures in full and counts the rest', () => {
    const list = new ErrorList();
    for (let i = 0; i < MAX_ERRORS + 7; i++) list.add({ path: `/r/${i}`, error: 'EACCES' });
    expect(list.items).toHaveLength(50);
    expect(list.items[49]).toEqual({ path: '/r/49', error: 'EACCES' });
    expect(list.dropped).toBe(7);
  });
});
