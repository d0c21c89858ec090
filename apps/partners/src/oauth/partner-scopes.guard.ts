import {
  applyDecorators,
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { callerOf, hasRole } from '@gap/auth';
import type { PartnerScope } from '@gap/partners/domain';
import { PartnerClientErrors } from './partner-client.errors.js';
import { PartnerClientService } from './partner-client.service.js';
import { PartnerIntegrationConfig } from './partner-integration.config.js';

export const PARTNER_SCOPES_KEY = 'gap:partner-scopes';

/**
 * A partner route: the caller must be a partner whose client still may act (401 once revoked,
 * even with a token issued before) and whose token grants every scope named (403 otherwise).
 */
export const PartnerScopes = (...scopes: PartnerScope[]) =>
  applyDecorators(SetMetadata(PARTNER_SCOPES_KEY, scopes), UseGuards(PartnerScopesGuard));

@Injectable()
export class PartnerScopesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly clients: PartnerClientService,
    @Inject(PartnerIntegrationConfig) private readonly config: PartnerIntegrationConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const caller = callerOf(context);
    if (!hasRole(caller, 'PARTNER') || !caller.partnerId) throw PartnerClientErrors.notPartner();
    if (this.config.PARTNERS_TOKEN_SOURCE === 'service') {
      // The service's own clients: a revoked one's tokens stop at once, whatever their expiry.
      if (!caller.clientId || !(await this.clients.mayStillAct(caller.clientId))) {
        throw PartnerClientErrors.revoked();
      }
    }
    const required =
      this.reflector.getAllAndOverride<PartnerScope[] | undefined>(PARTNER_SCOPES_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    const granted = caller.scopes ?? [];
    const missing = required.filter((scope) => !granted.includes(scope));
    if (missing.length > 0) throw PartnerClientErrors.missingScope(missing);
    return true;
  }
}
