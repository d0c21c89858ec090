import 'reflect-metadata';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { importJWK, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { DataSource as DataSourceToken } from 'typeorm';
import { ensureDevKeys, JwtVerifier, type Caller } from '@gap/auth';
import { OutboxPublisher } from '@gap/messaging';
import { creditCodeCheckCharacter } from '@gap/partners/domain';
import { IdempotencyKeysRepository } from '@gap/rest';
import { freePort, TEST_AUDIENCE, TEST_ISSUER, Wiring } from '@gap/testing';
import { AccountRepository } from '../accounts/account.repository.js';
import { DealService } from '../deals/deal.service.js';
import type { SubmitLeadBody } from '../leads/dto/lead.resource.js';
import { LeadCommandsService } from '../leads/lead-commands.service.js';
import { LeadIntakeService } from '../leads/lead-intake.service.js';
import { LeadProspectsService } from '../leads/lead-prospects.service.js';
import { LeadQueriesService } from '../leads/lead-queries.service.js';
import { LeadRepository } from '../leads/lead.repository.js';
import { DEALS_CONTROLLERS, DEALS_PROVIDERS } from '../deals/deals.providers.js';
import { LEADS_CONTROLLERS, LEADS_PROVIDERS } from '../leads/leads.providers.js';
import { PartnerCommandsService } from '../organisations/partner-commands.service.js';
import { ACCOUNTS, ORGANISATIONS } from '../partners.providers.js';
import { ADMIN, agentInput, openPartnersTestDatabase } from './partners-harness.js';
import { PartnerClientService } from '../oauth/partner-client.service.js';
import { PartnerIntegrationConfig } from '../oauth/partner-integration.config.js';
import { PartnerScopesGuard } from '../oauth/partner-scopes.guard.js';
import { PartnerRateLimitGuard } from '../rate-limit/partner-rate-limit.guard.js';
import { RateLimitRepository } from '../rate-limit/rate-limit.repository.js';
import { PartyRepository } from '../tmf/party.repository.js';
import { PartyService } from '../tmf/party.service.js';
import { CustomerController } from '../tmf/customer.controller.js';
import { OrganizationController } from '../tmf/organization.controller.js';

function operatorTokens(): PartnerIntegrationConfig {
  return Object.assign(new PartnerIntegrationConfig(), { PARTNERS_TOKEN_SOURCE: 'operator' });
}

export { openPartnersTestDatabase, rejection } from './partners-harness.js';

export const COORDINATOR: Caller = { subject: 'C3001', roles: ['COORDINATOR'] };
export const manager = (subject: string): Caller => ({ subject, roles: ['ACCOUNT_MANAGER'] });
export const supervisor = (subject: string): Caller => ({ subject, roles: ['SUPERVISOR'] });

/** A partner's caller as its OAuth client's token makes it. */
export const partnerCaller = (
  partnerId: string,
  scopes: readonly string[] = ['leads:write', 'leads:read'],
): Caller => ({
  subject: `client-${partnerId.slice(0, 8)}`,
  roles: ['PARTNER'],
  partnerId,
  clientId: `client-${partnerId.slice(0, 8)}`,
  scopes,
});

/** The leads and deals features wired as the module wires them. */
export function leadServices(dataSource: DataSource) {
  const wiring = new Wiring(
    [...ACCOUNTS, ...ORGANISATIONS, ...LEADS_PROVIDERS, ...DEALS_PROVIDERS],
    new Map<unknown, unknown>([
      [DataSourceToken, dataSource],
      [OutboxPublisher, new OutboxPublisher(dataSource)],
    ]),
  );
  const get = wiring.get.bind(wiring);
  return {
    intake: get(LeadIntakeService),
    queries: get(LeadQueriesService),
    commands: get(LeadCommandsService),
    prospects: get(LeadProspectsService),
    deals: get(DealService),
    leads: get(LeadRepository),
    accounts: get(AccountRepository),
    partners: get(PartnerCommandsService),
  };
}
export type LeadServices = ReturnType<typeof leadServices>;

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Characters for company names no other test uses: their trigrams barely overlap. */
const HANZI =
  '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川云雷风雨雪霜露松柏竹梅兰菊荷桂';

const pick = (alphabet: string) => alphabet.charAt(Math.floor(Math.random() * alphabet.length));

/** A valid Unified Social Credit Code in Fuzhou, each call another. */
export function newCreditCode(): string {
  const body = `91350100${Array.from({ length: 9 }, () => pick(CODE_ALPHABET)).join('')}`;
  return body + creditCodeCheckCharacter(body);
}

/** The distinctive part of a company name no other test uses (five characters). */
export function newBrand(): string {
  return Array.from({ length: 5 }, () => pick(HANZI)).join('');
}

/** An active agent selling into Fujian, in industries G and I. */
export async function activePartner(services: LeadServices): Promise<string> {
  const partner = await services.partners.register(
    ADMIN,
    agentInput({ regionPrefixes: ['35'], industrySections: ['G', 'I'], contractEndsOn: null }),
  );
  return partner.id;
}

/** A lead for a company in Fuzhou's Gulou district, each test's own unless overridden. */
export function leadBody(overrides: Partial<SubmitLeadBody> = {}): SubmitLeadBody {
  return {
    kind: 'LEAD',
    creditCode: newCreditCode(),
    companyName: `福建省福州市${newBrand()}科技有限公司`,
    regionCode: '350102',
    industrySection: 'I',
    priority: 'P2',
    contactName: '林女士',
    contactPhone: '+86 591 8765 4321',
    contactEmail: null,
    partnerReference: null,
    ...overrides,
  };
}

/** An account of the book as the projection knows it from the other services' events. */
export async function bookAccount(
  dataSource: DataSource,
  services: LeadServices,
  facts: {
    name: string;
    creditCode?: string;
    primaryManagerId?: string;
    tier?: 'A' | 'B' | 'C';
  },
): Promise<string> {
  const id = randomUUID();
  await dataSource.transaction(async (tx) => {
    const described = { name: facts.name, status: 'ACTIVE', regionCode: '350102' };
    const withCode = facts.creditCode ? { ...described, creditCode: facts.creditCode } : described;
    await services.accounts.describe(tx, id, withCode);
    if (facts.primaryManagerId) {
      await services.accounts.setPrimaryManager(tx, id, facts.primaryManagerId);
    }
    if (facts.tier) await services.accounts.setTier(tx, id, facts.tier, new Date().toISOString());
  });
  return id;
}

/** The events recorded about a lead or a registration, in order. */
export async function eventsOf(dataSource: DataSource, aggregateId: string) {
  const rows = await dataSource.query<
    { envelope: { type: string; payload: Record<string, unknown> } }[]
  >('SELECT envelope FROM partners.outbox WHERE message_key = $1 ORDER BY seq', [aggregateId]);
  return rows.map((row) => row.envelope);
}

export const openLeadsTestDatabase = (suffix: string) =>
  openPartnersTestDatabase(`leads_${suffix}`);

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** How a partner's token reads: its partner and scopes (a token without `partnerId` is staff's). */
export interface TokenClaims {
  readonly partnerId?: string;
  readonly scopes?: readonly string[];
  readonly roles?: readonly string[];
}

/**
 * The leads and deals REST controllers on a free port over the spec's own database, behind the
 * platform's real token check, Idempotency-Key store and Problem Details.
 */
export async function startLeadsRest(dataSource: DataSource) {
  const keyDir = mkdtempSync(join(tmpdir(), 'gap-leads-issuer-'));
  const keys = await ensureDevKeys(keyDir);
  const services = leadServices(dataSource);
  const verifier = new JwtVerifier({
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
    jwksFile: keys.jwksFile,
  });

  @Module({
    controllers: [
      ...LEADS_CONTROLLERS,
      ...DEALS_CONTROLLERS,
      OrganizationController,
      CustomerController,
    ],
    providers: [
      { provide: LeadIntakeService, useValue: services.intake },
      {
        provide: PartyService,
        useValue: new PartyService(
          new PartyRepository(dataSource),
          services.intake,
          services.leads,
          services.commands,
        ),
      },
      { provide: LeadQueriesService, useValue: services.queries },
      { provide: DealService, useValue: services.deals },
      { provide: IdempotencyKeysRepository, useValue: new IdempotencyKeysRepository(dataSource) },
      { provide: JwtVerifier, useValue: verifier },
      // Partner routes as when partners' tokens come from the operator's identity provider:
      // scopes and rate limits checked here, revocation the provider's (the service's own
      // clients are tried in oauth/partner-oauth.spec.ts).
      { provide: PartnerIntegrationConfig, useValue: operatorTokens() },
      { provide: PartnerClientService, useValue: null },
      PartnerScopesGuard,
      { provide: RateLimitRepository, useValue: new RateLimitRepository(dataSource) },
      PartnerRateLimitGuard,
    ],
  })
  class LeadsRestTestModule {}

  const app: INestApplication = await NestFactory.create(LeadsRestTestModule, {
    logger: ['error'],
  });
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  const token = async (claims: TokenClaims) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      roles: [...(claims.roles ?? ['PARTNER'])],
      ...(claims.partnerId ? { partnerId: claims.partnerId } : {}),
      ...(claims.scopes ? { scope: claims.scopes.join(' ') } : {}),
    })
      .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid ?? 'dev' })
      .setSubject(claims.partnerId ? `client-${claims.partnerId.slice(0, 8)}` : 'C3001')
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(await importJWK(keys.privateJwk, 'ES256'));
  };
  return {
    services,
    /** `path` under /api/v1/partners, or a whole path (`/tmf-api/…`). */
    async call(
      method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
      path: string,
      claims: TokenClaims,
      options: { body?: object; headers?: Record<string, string> } = {},
    ): Promise<Answer> {
      const url = `${origin}${path.startsWith('/tmf-api/') ? '' : '/api/v1/partners'}${path}`;
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${await token(claims)}`,
          ...(options.body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      return { status: response.status, headers: response.headers, body };
    },
    close: () => app.close(),
  };
}
