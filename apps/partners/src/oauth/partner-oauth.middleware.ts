import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { problem, sendProblem } from '@gap/rest';
import { PartnerAuthorizationServer } from './partner-authorization-server.js';

/** Where the authorization server is served: `/oauth/token`, `/oauth/jwks`. */
export const OAUTH_MOUNT = '/oauth';

/**
 * Hands `/oauth/…` to the authorization server, with the prefix taken off as a mounted app
 * expects (it keeps `originalUrl` to build its own addresses); its other routes are not served.
 */
@Injectable()
export class PartnerOAuthMiddleware implements NestMiddleware {
  constructor(
    @Inject(PartnerAuthorizationServer) private readonly server: PartnerAuthorizationServer,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const path = req.originalUrl.startsWith(OAUTH_MOUNT)
      ? req.originalUrl.slice(OAUTH_MOUNT.length) || '/'
      : null;
    if (path === null) {
      next();
      return;
    }
    if (!this.server.serves(path)) {
      sendProblem(
        res,
        problem({
          status: 404,
          code: 'NOT_FOUND',
          category: 'NOT_FOUND',
          detail: 'The authorization server serves /oauth/token and /oauth/jwks only.',
          instance: req.originalUrl,
        }),
      );
      return;
    }
    req.url = path;
    this.server.handle(req, res);
  }
}
