import { applyDecorators, Controller, HttpCode, UseFilters, UseGuards, UseInterceptors, UsePipes, ValidationPipe } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiTags, ApiUnauthorizedResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { ApiTokenGuard } from './api-token.guard.js';
import { DeclaredInputGuard } from './declared-input.guard.js';
import { FormContentGuard } from './form-content.guard.js';
import { InputLimitsPipe } from './input-limits.pipe.js';
import { SentraCoreExceptionFilter } from './sentra-core-exception.filter.js';
import { WireJsonInterceptor } from './wire/wire-json.interceptor.js';

export const API_PREFIX = 'api/v1';
export const BEARER_SCHEME = 'bearer';

/**
 * An engine controller under /api/v1 with its own validation, auth, error mapping and JSON writer
 * (numbers in the form the OpenAPI document declares), so a host app needs no globals and keeps its own.
 */
export function ApiController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    Controller(path ? `${API_PREFIX}/${path}` : API_PREFIX),
    ApiTags(tag),
    UseGuards(FormContentGuard, ApiTokenGuard, DeclaredInputGuard),
    // Limits first: the ValidationPipe's class-transformer recurses into whatever it is given.
    UsePipes(
      new InputLimitsPipe(),
      new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        transformOptions: { enableImplicitConversion: false },
      }),
    ),
    UseFilters(SentraCoreExceptionFilter),
    UseInterceptors(WireJsonInterceptor),
  );
}

/** A mutating route: always HTTP 200 (the dashboard treats anything else as failure), bearer-protected when a token is set. */
export function MutatingRoute(): MethodDecorator {
  return applyDecorators(
    HttpCode(200),
    ApiBearerAuth(BEARER_SCHEME),
    ApiUnauthorizedResponse({ description: 'SENTRACORE_API_TOKEN is set and the bearer token is missing or wrong' }),
    ApiBadRequestResponse({ description: 'invalid input; the message names the field' }),
    ApiUnsupportedMediaTypeResponse({ description: 'a form content type (urlencoded, multipart, text/plain); send JSON or no body' }),
  );
}
