import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SAFE_METHODS } from './http-methods.js';

// The content types a cross-site HTML form can send without a CORS preflight.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Refuses form-sendable bodies on mutating routes (415), so a page in a browser tab cannot
 * wipe history with a plain <form>. No body and no Content-Type stays valid (the dashboard's admin POSTs).
 */
@Injectable()
export class FormContentGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (FORM_TYPES.includes(type)) {
      throw new HttpException(
        { statusCode: 415, error: 'Unsupported Media Type', message: `content-type ${type} is not accepted; send application/json` },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    return true;
  }
}
