import {
  createParamDecorator,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@gap/errors';
import { hasRole, type Caller, type Role } from './caller.js';
import type { AuthenticatedRequest } from './auth.middleware.js';

function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}

export function callerOf(context: ExecutionContext): Caller {
  const caller = requestOf(context).caller;
  if (!caller) throw new DomainError('UNAUTHENTICATED', 'UNAUTHENTICATED', 'No verified caller.');
  return caller;
}

/** The verified caller of a resolver or controller method. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext) =>
  callerOf(context),
);

const ROLES_KEY = 'gap:roles';

/** Only callers holding one of these roles get past `RolesGuard`. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    if (!hasRole(callerOf(context), ...roles)) {
      throw DomainError.forbidden(`This needs one of the roles ${roles.join(', ')}.`);
    }
    return true;
  }
}
