import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@gap/errors';
import type { Caller } from './caller.js';
import { JwtVerifier } from './jwt-verifier.js';

export type AuthenticatedRequest = Request & { caller?: Caller };

/**
 * Every GraphQL request to a service carries the caller's token, forwarded by the gateway,
 * and is verified again here: a subgraph trusts no one who merely reached its port.
 */
@Injectable()
export class BearerAuthMiddleware implements NestMiddleware {
  constructor(private readonly verifier: JwtVerifier) {}

  async use(req: AuthenticatedRequest, res: Response, next: NextFunction): Promise<void> {
    try {
      req.caller = await this.verifier.verifyHeader(req.headers.authorization);
      next();
    } catch (error) {
      if (!(error instanceof DomainError)) {
        next(error);
        return;
      }
      res.status(401).json({
        errors: [
          { message: error.message, extensions: { code: 'UNAUTHENTICATED', reason: error.code } },
        ],
      });
    }
  }
}
