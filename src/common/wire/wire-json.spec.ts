import { describe, expect, it } from '@jest/globals';
import { toWireJson } from './wire-json.js';
import { ANY, FLOAT, INT, type WireShape } from './wire-shape.js';

const object = (fields: Record<string, WireShape>): WireShape => ({ kind: 'object', fields: new Map(Object.entries(fields)) });

describe('toWireJson', () => {
  const plain = {
    text: 'quote " backslash \\ newline \n tab \t nul \u0000 é 😀',
    int: 3,
    fraction: 0.5,
    tiny: 1e-7,
    huge: 1e21,
    negativeZero: -0,
    notFinite: [NaN, Infinity, -Infinity],
    flags: [true, false, null],
    skipped: undefined,
    fn: () => 1,
    date: new Date(Date.UTC(2026, 10, 27)),
    nested: { empty: {}, list: [], deep: [[1, { a: [2] }]] },
    holes: [undefined, () => 1],
  };

  it.each([0, 2, 4])('without float fields writes exactly what JSON.stringify writes (indent %i)', (indent) => {
    expect(toWireJson(plain, ANY, indent)).toBe(JSON.stringify(plain, null, indent));
    expect(toWireJson(plain, object({}), indent)).toBe(JSON.stringify(plain, null, indent));
  });

  it('writes float-typed numbers as floats, integer-typed ones as integers', () => {
    const shape = object({ zero: FLOAT, whole: FLOAT, small: FLOAT, large: FLOAT, minusZero: FLOAT, nan: FLOAT, count: INT, other: ANY });
    const value = { zero: 0, whole: 85, small: 1e-5, large: 1.5e20, minusZero: -0, nan: NaN, count: 3, other: 4 };
    expect(toWireJson(value, shape)).toBe('{"zero":0.0,"whole":85.0,"small":1e-05,"large":1.5e+20,"minusZero":-0.0,"nan":null,"count":3,"other":4}');
  });

  it('follows the shape into nested objects, arrays and maps; undeclared keys are written as they are', () => {
    const shape = object({
      stability: object({ score: FLOAT, components: { kind: 'map', values: FLOAT } }),
      per_core: { kind: 'array', items: FLOAT },
      processes: { kind: 'array', items: object({ pid: INT, cpu: FLOAT }) },
    });
    const value = {
      stability: { score: 99, components: { stress_penalty: 0.3, anomaly_penalty: 0 } },
      per_core: [0, 1, 2.5],
      processes: [{ pid: 7, cpu: 1, extra: 2 }],
      undeclared: { x: 1 },
    };
    expect(toWireJson(value, shape)).toBe(
      '{"stability":{"score":99.0,"components":{"stress_penalty":0.3,"anomaly_penalty":0.0}},"per_core":[0.0,1.0,2.5],' +
        '"processes":[{"pid":7,"cpu":1.0,"extra":2}],"undeclared":{"x":1}}',
    );
  });

  it('lays out an indented file as JSON.stringify does, floats in float form', () => {
    const shape = object({ mean: FLOAT, count: INT, list: { kind: 'array', items: FLOAT } });
    const text = toWireJson({ mean: 0, count: 0, list: [1], empty: [] }, shape, 2);
    expect(text).toBe('{\n  "mean": 0.0,\n  "count": 0,\n  "list": [\n    1.0\n  ],\n  "empty": []\n}');
    expect(JSON.parse(text)).toEqual({ mean: 0, count: 0, list: [1], empty: [] });
  });

  it('writes null for a float-typed field that is null, and a top-level undefined as null', () => {
    expect(toWireJson({ eta: null }, object({ eta: FLOAT }))).toBe('{"eta":null}');
    expect(toWireJson(undefined, ANY)).toBe('null');
  });
});
