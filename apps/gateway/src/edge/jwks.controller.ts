import { existsSync, readFileSync } from 'node:fs';
import { Controller, Get, Inject, NotFoundException } from '@nestjs/common';
import { GatewayConfig } from '../gateway.config.js';

/**
 * Serves the local development issuer's public keys, so services elsewhere can verify dev
 * tokens through AUTH_JWKS_URL. Absent when an external identity provider is configured.
 */
@Controller('.well-known')
export class JwksController {
  constructor(@Inject(GatewayConfig) private readonly config: GatewayConfig) {}

  @Get('jwks.json')
  jwks(): unknown {
    if (this.config.AUTH_JWKS_URL || !existsSync(this.config.AUTH_JWKS_FILE)) {
      throw new NotFoundException('This gateway does not publish keys.');
    }
    return JSON.parse(readFileSync(this.config.AUTH_JWKS_FILE, 'utf8'));
  }
}
