import { PartnerIntegrationConfig } from './oauth/partner-integration.config.js';

/** The partners service's settings: every service's, and the partners' integration. */
export class PartnersConfig extends PartnerIntegrationConfig {
  override PORT = 4006;
}
