import {
  Catch,
  HttpException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@gap/errors';
import {
  problem,
  problemOfDomainError,
  UNAUTHENTICATED_HEADERS,
  type ProblemDetails,
} from '../problem-details.js';
import { sendRestError } from '../tmf-error.js';

function problemOf(exception: unknown, instance: string): ProblemDetails | null {
  if (exception instanceof DomainError) return problemOfDomainError(exception, instance);
  if (exception instanceof HttpException && exception.getStatus() < 500) {
    const status = exception.getStatus();
    const [code, category] =
      status === 404 ? ['NOT_FOUND', 'NOT_FOUND'] : ['BAD_REQUEST', 'BAD_USER_INPUT'];
    return problem({ status, code, category, detail: exception.message, instance });
  }
  return null;
}

/**
 * Answers whatever a TM Forum API's handler threw as a TMF Error (`application/json`), with the domain's
 * code: a refused transition reads `COMPLAINT_CALLBACK_REQUIRED` here as in the graph. A caller
 * whose `Accept` names `application/problem+json` gets the same error as the platform's RFC 9457
 * problem, as the gateway answers its own refusals on these paths.
 */
@Catch()
export class TmfErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('TmfErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    let details = problemOf(exception, req.originalUrl);
    if (!details) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : exception,
      );
      details = problem({
        status: 500,
        code: 'INTERNAL_SERVER_ERROR',
        category: 'INTERNAL',
        detail: 'Something went wrong on our side; it has been logged.',
      });
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const headers = details.status === 401 ? UNAUTHENTICATED_HEADERS : {};
    sendRestError(res, req.originalUrl, req.headers.accept, details, headers);
  }
}
