import { BadRequestException, type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { FastifyRequest } from 'fastify';
import { SAFE_METHODS } from './http-methods.js';

interface Declared {
  body: boolean;
  query: boolean;
}

// `@Body()` and `@Query()` record themselves as "<paramtype>:<index>" keys on the controller class.
function declaredInputs(context: ExecutionContext): Declared {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as object;
  const types = new Set(Object.keys(args).map((key) => Number(key.split(':')[0])));
  return { body: types.has(RouteParamtypes.BODY), query: types.has(RouteParamtypes.QUERY) };
}

const isEmptyBody = (body: unknown) =>
  body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);

/**
 * A mutating route takes only the input it declares: a body or query parameters sent to a route
 * that reads none get 400 instead of being silently ignored. `{}` passes (what many clients send as
 * "no body"), and so does no body at all. Read routes stay lenient (cache-busting query strings).
 */
@Injectable()
export class DeclaredInputGuard implements CanActivate {
  private readonly cache = new WeakMap<object, Declared>();

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    const handler = context.getHandler();
    let declared = this.cache.get(handler);
    if (!declared) this.cache.set(handler, (declared = declaredInputs(context)));
    if (!declared.body && !isEmptyBody(request.body)) throw new BadRequestException(['this route takes no request body']);
    const query = Object.keys((request.query ?? {}) as object);
    if (!declared.query && query.length > 0) throw new BadRequestException(query.map((key) => `property ${key} should not exist`));
    return true;
  }
}
