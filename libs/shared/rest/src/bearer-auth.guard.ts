import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { JwtVerifier, type AuthenticatedRequest } from '@gap/auth';

/**
 * Verifies the bearer token of a REST request, as the GraphQL middleware does for the graph: the
 * gateway forwards the caller's own token, and the service trusts no one who merely reached its
 * port. A refused token is a coded UNAUTHENTICATED domain error, answered as a 401 problem.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(private readonly verifier: JwtVerifier) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    req.caller = await this.verifier.verifyHeader(req.headers.authorization);
    return true;
  }
}
