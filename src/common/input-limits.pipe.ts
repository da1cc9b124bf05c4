import { type ArgumentMetadata, BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** Deeper bodies are refused before class-transformer, whose recursion overflows the stack on them. */
export const MAX_BODY_DEPTH = 8;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
// Names that slip past class-transformer's whitelist (they exist on every object); Fastify's JSON parser already refuses them in bodies.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function queryProblem(query: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(query)) {
    if (FORBIDDEN_KEYS.has(key)) return `property ${key} should not exist`;
    // Fastify's query parser turns a repeated parameter into an array.
    if (typeof value !== 'string') return `query parameter ${key} must be given once, as a single value`;
    const number = value.trim() === '' ? NaN : Number(value);
    if (!Number.isNaN(number) && !(Math.abs(number) <= MAX_SAFE)) return `${key} must be a finite number within ±${MAX_SAFE}`;
  }
  return undefined;
}

// Iterative on purpose: the input is what we distrust, so its depth must not drive our stack.
function bodyProblem(body: unknown): string | undefined {
  if (!isPlainObject(body)) return 'the request body must be a JSON object';
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 1 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'number' && !(Math.abs(value) <= MAX_SAFE)) return `${path} must be a finite number within ±${MAX_SAFE}`;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_BODY_DEPTH) return `${path} is nested more than ${MAX_BODY_DEPTH} levels deep`;
    for (const [key, child] of Object.entries(value)) {
      pending.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Limits every route's input before validation: each query parameter once (no arrays), a body that
 * is a JSON object at most MAX_BODY_DEPTH deep, and no number outside the JS safe range (JSON's 1e400
 * parses to Infinity). A route without a body still gets `undefined` through, the dashboard's admin POSTs.
 */
@Injectable()
export class InputLimitsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    let problem: string | undefined;
    if (metadata.type === 'query' && metadata.data === undefined && isPlainObject(value)) problem = queryProblem(value);
    if (metadata.type === 'body' && metadata.data === undefined && value !== undefined) problem = bodyProblem(value);
    if (problem) throw new BadRequestException([problem]);
    return value;
  }
}
