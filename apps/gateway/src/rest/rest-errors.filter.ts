import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request } from 'express';
import { ProblemDetailsFilter } from '@gap/rest';

const REST_PATH = /^\/(api|tmf-api)\//;

/**
 * What the gateway itself refuses on a REST path before the edge sees the request (a body
 * that is not JSON, one over the parser's limit, a path no route serves) is a problem as well;
 * everything else keeps Nest's answer.
 */
@Catch()
export class RestErrorsFilter extends BaseExceptionFilter {
  private readonly problems = new ProblemDetailsFilter();

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() === 'http') {
      const req = host.switchToHttp().getRequest<Request>();
      if (REST_PATH.test(req.originalUrl)) {
        this.problems.catch(exception, host);
        return;
      }
    }
    super.catch(exception, host);
  }
}
