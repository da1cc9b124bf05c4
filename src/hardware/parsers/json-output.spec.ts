import { describe, expect, it } from '@jest/globals';
import { numberOf, parseJsonOutput, rows, scalars, textOf } from './json-output.js';

describe('parseJsonOutput', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['WARNING: a module could not load\r\n{"a":[1,2]}\r\n', { a: [1, 2] }],
    ['noise [1,2] more', [1, 2]],
    ['', undefined],
    ['   ', undefined],
    ['{not json}', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseJsonOutput(text)).toEqual(expected);
  });
});

describe('PowerShell shapes', () => {
  it.each([
    [
      [{ a: 1 }, { a: 2 }],
      [{ a: 1 }, { a: 2 }],
    ],
    [{ a: 1 }, [{ a: 1 }]],
    [{ value: [{ a: 1 }], Count: 1 }, [{ a: 1 }]],
    [null, []],
    [undefined, []],
    [[1, 'x', { a: 1 }], [{ a: 1 }]],
  ])('rows(%j)', (value, expected) => {
    expect(rows(value)).toEqual(expected);
  });

  it.each([
    [
      [1, 2],
      [1, 2],
    ],
    [3, [3]],
    [{ value: [4], Count: 1 }, [4]],
    [null, []],
  ])('scalars(%j)', (value, expected) => {
    expect(scalars(value)).toEqual(expected);
  });

  it('numbers and text', () => {
    expect([numberOf(3), numberOf('17179869184'), numberOf(''), numberOf('x'), numberOf(null), numberOf(NaN)]).toEqual([
      3,
      17179869184,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([textOf(' a '), textOf(' '), textOf(3)]).toEqual(['a', null, null]);
  });
});
