import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, StreamableFile } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { map, type Observable } from 'rxjs';
import { toWireJson } from './wire-json.js';
import { isDtoClass, wireShapeOf, type WireShape } from './wire-shape.js';

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

interface ResponseMeta {
  type?: unknown;
  isArray?: boolean;
}

const shapes = new WeakMap<object, WireShape | null>();

/** The shape of a handler's documented 200 body (`@ApiOkResponse({ type })`), null when it has none. */
export function responseShapeOf(handler: object): WireShape | null {
  if (shapes.has(handler)) return shapes.get(handler)!;
  const responses = (Reflect.getMetadata(DECORATORS.API_RESPONSE, handler) ?? {}) as Record<string, ResponseMeta>;
  const ok = responses['200'];
  let shape: WireShape | null = null;
  if (ok && isDtoClass(ok.type)) shape = ok.isArray ? { kind: 'array', items: wireShapeOf(ok.type) } : wireShapeOf(ok.type);
  shapes.set(handler, shape);
  return shape;
}

const isJsonBody = (body: unknown): body is object =>
  typeof body === 'object' &&
  body !== null &&
  !(body instanceof Uint8Array) &&
  !(body instanceof StreamableFile) &&
  typeof (body as { pipe?: unknown }).pipe !== 'function';

/**
 * Writes every JSON body of an engine route by its documented response DTO (SPEC §4 "Number
 * types"), so the bytes match what the OpenAPI document promises. Bodies a handler already
 * produced as bytes or a stream (GET /history) pass through untouched.
 */
@Injectable()
export class WireJsonInterceptor implements NestInterceptor {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const shape = context.getType() === 'http' ? responseShapeOf(context.getHandler()) : null;
    if (!shape) return next.handle();
    const response: unknown = context.switchToHttp().getResponse();
    return next.handle().pipe(
      map((body: unknown) => {
        if (!isJsonBody(body)) return body;
        this.adapterHost.httpAdapter.setHeader(response, 'Content-Type', JSON_CONTENT_TYPE);
        return toWireJson(body, shape);
      }),
    );
  }
}
