import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SENTRACORE_OPTIONS, type SentraCoreOptions } from '../config/sentra-core-options.js';
import { SAFE_METHODS } from './http-methods.js';

// Hash both sides so the comparison takes the same time whatever the token's length.
const digest = (value: string) => createHash('sha256').update(value).digest();

/** With SENTRACORE_API_TOKEN set, every mutating request needs `Authorization: Bearer <token>`. */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(@Inject(SENTRACORE_OPTIONS) options: SentraCoreOptions) {
    this.expected = options.apiToken ? digest(options.apiToken) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (match && timingSafeEqual(digest(match[1].trim()), this.expected)) return true;
    throw new UnauthorizedException('a valid "Authorization: Bearer <token>" header is required for this route');
  }
}
