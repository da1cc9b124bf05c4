import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isStorageFault, SentraCoreError, storageUnavailable, type SentraCoreErrorCode } from './sentra-core.error.js';
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
    // A filesystem error no service translated is still the disk's refusal, not a bug: 503 with its cause.
    if (!(exception instanceof SentraCoreError) && isStorageFault(exception)) {
      exception = storageUnavailable('storage unavailable', exception);
      this.logger.warn((exception as SentraCoreError).message);
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
