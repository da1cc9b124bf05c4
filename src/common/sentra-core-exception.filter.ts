import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { SentraCoreError, type SentraCoreErrorCode } from './sentra-core.error.js';
import { asError } from './as-error.js';

const STATUS_BY_CODE: Record<SentraCoreErrorCode, number> = {
  NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_ARGUMENT: HttpStatus.BAD_REQUEST,
  CONFLICT: HttpStatus.CONFLICT,
  STORAGE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** The engine's own error mapping, applied per controller so a host app's globals stay untouched. */
@Catch()
export class SentraCoreExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(SentraCoreExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      void reply.status(exception.getStatus()).send(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    if (exception instanceof SentraCoreError && exception.code !== 'INTERNAL') {
      const statusCode = STATUS_BY_CODE[exception.code];
      void reply.status(statusCode).send({ statusCode, error: exception.code, message: exception.message });
      return;
    }
    this.logger.error(asError(exception));
    void reply.status(500).send({ statusCode: 500, error: 'INTERNAL', message: 'internal error; see the engine log' });
  }
}
