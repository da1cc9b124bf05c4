import { pythonFloat } from './python-float.js';
import { ANY, type WireShape } from './wire-shape.js';

/**
 * JSON text of `value`, written by its shape (SPEC §4 "Number types"): float-typed numbers always
 * in float form (`0.0`, `85.0`, `1e-05`), integer-typed ones as integers, everything else exactly
 * as JSON.stringify writes it (key order, escaping, null for NaN/±Infinity, undefined skipped).
 * `indent` > 0 lays it out as JSON.stringify(value, null, indent) does.
 */
export function toWireJson(value: unknown, shape: WireShape, indent = 0): string {
  return valueText(value, shape, ' '.repeat(indent), '\n') ?? 'null';
}

const childOf = (shape: WireShape, key: string): WireShape =>
  shape.kind === 'object' ? (shape.fields.get(key) ?? ANY) : shape.kind === 'map' ? shape.values : ANY;

function valueText(value: unknown, shape: WireShape, step: string, newline: string): string | undefined {
  // Nothing float-typed below: JSON.stringify writes it (4× faster), indented to this depth.
  // Its output has no raw newline inside strings, so every newline is a line break to indent.
  if (shape.kind === 'any') {
    const text = JSON.stringify(value, null, step);
    return step && text !== undefined && newline !== '\n' ? text.replace(/\n/g, newline) : text;
  }
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) return 'null';
      return shape.kind === 'float' ? pythonFloat(value) : String(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'object':
      if (value === null) return 'null';
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
        return valueText((value as { toJSON: () => unknown }).toJSON(), shape, step, newline);
      }
      return Array.isArray(value) ? arrayText(value, shape, step, newline) : objectText(value as Record<string, unknown>, shape, step, newline);
    default:
      return undefined; // undefined, functions and symbols, as JSON.stringify leaves them out
  }
}

function arrayText(values: readonly unknown[], shape: WireShape, step: string, newline: string): string {
  if (values.length === 0) return '[]';
  const items = shape.kind === 'array' ? shape.items : ANY;
  const inner = step ? newline + step : '';
  const parts = values.map((item) => valueText(item, items, step, inner) ?? 'null');
  return step ? `[${inner}${parts.join(`,${inner}`)}${newline}]` : `[${parts.join(',')}]`;
}

function objectText(record: Record<string, unknown>, shape: WireShape, step: string, newline: string): string {
  const inner = step ? newline + step : '';
  const colon = step ? ': ' : ':';
  const parts: string[] = [];
  for (const key of Object.keys(record)) {
    const text = valueText(record[key], childOf(shape, key), step, inner);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}${colon}${text}`);
  }
  if (parts.length === 0) return '{}';
  return step ? `{${inner}${parts.join(`,${inner}`)}${newline}}` : `{${parts.join(',')}}`;
}
