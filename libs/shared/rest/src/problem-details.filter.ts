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
  sendProblem,
  UNAUTHENTICATED_HEADERS,
  type ProblemDetails,
} from './problem-details.js';
import { RestProblem } from './rest-problem.js';

/** Nest's own HTTP errors (an unparsable or oversized body) in the platform's vocabulary. */
function problemOfHttpException(exception: HttpException, instance: string): ProblemDetails {
  const status = exception.getStatus();
  const [code, category] =
    status === 413
      ? ['PAYLOAD_TOO_LARGE', 'BAD_USER_INPUT']
      : status === 404
        ? ['NOT_FOUND', 'NOT_FOUND']
        : status < 500
          ? ['BAD_REQUEST', 'BAD_USER_INPUT']
          : ['INTERNAL_SERVER_ERROR', 'INTERNAL'];
  return problem({ status, code, category, detail: exception.message, instance });
}

/**
 * Answers whatever a REST handler threw as an RFC 9457 problem: a domain error with its code,
 * category and fields, as the graph does; anything unexpected is logged and answered as an
 * internal error without details.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('RestErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const instance = req.originalUrl;
    let details: ProblemDetails;
    let headers: Readonly<Record<string, string>> = {};
    if (exception instanceof RestProblem) {
      details = { ...exception.details, instance: exception.details.instance ?? instance };
      headers = exception.headers;
    } else if (exception instanceof DomainError) {
      details = problemOfDomainError(exception, instance);
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      details = problemOfHttpException(exception, instance);
    } else {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : exception,
      );
      details = problem({
        status: 500,
        code: 'INTERNAL_SERVER_ERROR',
        category: 'INTERNAL',
        detail: 'Something went wrong on our side; it has been logged.',
        instance,
      });
    }
    if (res.headersSent) {
      // A streamed answer broke half-way: the client must see a cut stream, not a spliced body.
      res.destroy();
      return;
    }
    sendProblem(res, details, details.status === 401 ? UNAUTHENTICATED_HEADERS : headers);
  }
}
