import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Get,
  Global,
  Module,
  Post,
  type INestApplication,
  type Provider,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource as DataSourceType } from 'typeorm';
import { DataSource } from 'typeorm';
import { AuthModule, CurrentCaller, ensureDevKeys, type Caller } from '@gap/auth';
import { AUDIENCE, DEV_ISSUER, loadConfig } from '@gap/config';
import { RestController } from '@gap/rest';
import { ADMIN, agentInput, partnerServices } from '../testing/partners-harness.js';
import { PartnerClientService } from './partner-client.service.js';
import { PartnerIntegrationConfig } from './partner-integration.config.js';
import { PartnerOAuthModule } from './partner-oauth.module.js';
import { PartnerRateLimitModule } from '../rate-limit/partner-rate-limit.module.js';
import { PartnerRoute } from '../rate-limit/partner-route.decorator.js';
import { PartnerScopes } from './partner-scopes.guard.js';

/** A partner route of each kind, answering who the caller is. */
@RestController('partners/probe')
class ProbeController {
  @Get()
  @PartnerRoute('leads:read')
  read(@CurrentCaller() caller: Caller) {
    return caller;
  }

  @Post()
  @PartnerScopes('leads:write')
  write(@CurrentCaller() caller: Caller) {
    return caller;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error()),
      );
    });
  });
}

export interface OAuthTestApp {
  readonly app: INestApplication;
  readonly base: string;
  readonly config: PartnerIntegrationConfig;
  readonly clients: PartnerClientService;
}

/** The service's credentials mounted in a small app on a real port, as the service mounts it. */
export async function oauthTestApp(
  dataSource: DataSourceType,
  env: Record<string, string> = {},
  features: { imports?: Type[]; providers?: Provider[] } = {},
): Promise<OAuthTestApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const devKeys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'gap-partners-')));
  const config = loadConfig(PartnerIntegrationConfig, {
    PORT: String(port),
    AUTH_PARTNER_ISSUER: `${base}/oauth`,
    ...env,
  });

  const shared = [{ provide: DataSource, useValue: dataSource }, ...(features.providers ?? [])];
  @Global()
  @Module({ providers: shared, exports: shared })
  class DatabaseModule {}

  @Module({
    imports: [
      DatabaseModule,
      AuthModule.forRoot({
        issuer: DEV_ISSUER,
        audience: AUDIENCE,
        jwksFile: devKeys.jwksFile,
        trustedIssuers: [
          {
            issuer: `${base}/oauth`,
            audience: AUDIENCE,
            roles: ['PARTNER'],
            jwksUrl: `${base}/oauth/jwks`,
          },
        ],
      }),
      PartnerOAuthModule.forRoot(config),
      PartnerRateLimitModule,
      ...(features.imports ?? []),
    ],
    controllers: [ProbeController],
  })
  class TestModule {}

  const app = await NestFactory.create(TestModule, { logger: false });
  await app.listen(port, '127.0.0.1');
  return { app, base, config, clients: app.get(PartnerClientService) };
}

/** A registered, active partner. */
export async function registeredPartner(dataSource: DataSourceType): Promise<string> {
  const partner = await partnerServices(dataSource).commands.register(ADMIN, agentInput());
  return partner.id;
}

/** A new active partner whose client got a token for `scopes` from the app's `/oauth/token`. */
export async function partnerWithToken(
  api: OAuthTestApp,
  dataSource: DataSourceType,
  scopes: readonly string[],
): Promise<{ partnerId: string; token: string }> {
  const partnerId = await registeredPartner(dataSource);
  const { client, clientSecret } = await api.clients.issue(ADMIN, {
    partnerId,
    name: 'CRM',
    scopes: [...scopes],
  });
  const answer = await requestToken(api.base, client.clientId, clientSecret, scopes.join(' '));
  return { partnerId, token: answer.body['access_token'] as string };
}

export interface TokenAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A token request with client credentials in the Authorization header (client_secret_basic). */
export async function requestToken(
  base: string,
  clientId: string,
  clientSecret: string,
  scope?: string,
): Promise<TokenAnswer> {
  const basic = Buffer.from(
    `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`,
  ).toString('base64');
  const res = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      ...(scope ? { scope } : {}),
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function callProbe(base: string, token: string, method: 'GET' | 'POST' = 'GET') {
  const res = await fetch(`${base}/api/v1/partners/probe`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as Record<string, unknown>,
  };
}
