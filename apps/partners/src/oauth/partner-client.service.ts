import { Inject, Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { todayInChina } from '@gap/calendar';
import {
  isPartnerScope,
  mayAuthenticate,
  PARTNER_SCOPES,
  PARTNERS_PERMISSIONS,
  type Partner,
} from '@gap/partners/domain';
import {
  clientSecretMatches,
  hashClientSecret,
  newClientId,
  newClientSecret,
} from './client-secret.js';
import { PartnerClientErrors } from './partner-client.errors.js';
import type {
  ClientCredentialsRow,
  IssuedPartnerClient,
  PartnerClientRecord,
} from './partner-client.model.js';
import { PartnerClientRepository } from './partner-client.repository.js';
import { PartnerIntegrationConfig } from './partner-integration.config.js';

export interface IssuePartnerClientCommand {
  readonly partnerId: string;
  readonly name: string;
  readonly scopes: readonly string[];
}

/** What the authorization server needs of a client it is asked about. */
export interface ActiveClient {
  readonly clientId: string;
  readonly partnerId: string;
  readonly scopes: readonly string[];
}

/**
 * Partners' OAuth clients: issued, rotated and revoked by admins, each secret shown once; and
 * asked on every token request and (cached for a few seconds) on every partner request whether
 * the client and its partner may still act.
 */
@Injectable()
export class PartnerClientService {
  private readonly standing = new Map<string, { active: boolean; until: number }>();

  constructor(
    private readonly clients: PartnerClientRepository,
    @Inject(PartnerIntegrationConfig) private readonly config: PartnerIntegrationConfig,
  ) {}

  async list(caller: Caller, partnerId: string): Promise<PartnerClientRecord[]> {
    authorize(PARTNERS_PERMISSIONS, 'partnerClients', caller);
    return this.clients.listOfPartner(partnerId);
  }

  async issue(caller: Caller, command: IssuePartnerClientCommand): Promise<IssuedPartnerClient> {
    authorize(PARTNERS_PERMISSIONS, 'issuePartnerClient', caller);
    const name = command.name.trim();
    if (name.length === 0 || [...name].length > 100) throw PartnerClientErrors.name();
    const scopes = [...new Set(command.scopes)];
    if (scopes.length === 0 || !scopes.every(isPartnerScope)) {
      throw PartnerClientErrors.scopes(command.scopes, PARTNER_SCOPES);
    }
    if (!(await this.clients.partnerExists(command.partnerId))) {
      throw PartnerClientErrors.partnerNotFound(command.partnerId);
    }
    const clientSecret = newClientSecret();
    const client = await this.clients.insert({
      clientId: newClientId(),
      partnerId: command.partnerId,
      name,
      scopes,
      secretHash: await hashClientSecret(clientSecret),
      createdBy: caller.subject,
    });
    return { client, clientSecret };
  }

  /** A new secret; the old one keeps working for the configured overlap. */
  async rotate(caller: Caller, clientId: string): Promise<IssuedPartnerClient> {
    authorize(PARTNERS_PERMISSIONS, 'rotatePartnerClientSecret', caller);
    const clientSecret = newClientSecret();
    const overlapMs = this.config.PARTNERS_SECRET_OVERLAP_HOURS * 3_600_000;
    const client = await this.clients.rotate(
      clientId,
      await hashClientSecret(clientSecret),
      new Date(Date.now() + overlapMs),
    );
    if (!client) throw PartnerClientErrors.notFound(clientId);
    return { client, clientSecret };
  }

  /** Revoked at once: no new token, and partner routes refuse its tokens within seconds. */
  async revoke(caller: Caller, clientId: string): Promise<PartnerClientRecord> {
    authorize(PARTNERS_PERMISSIONS, 'revokePartnerClient', caller);
    const client = await this.clients.revoke(clientId, caller.subject);
    if (!client) throw PartnerClientErrors.notFound(clientId);
    this.standing.delete(clientId);
    return client;
  }

  /** The client if it and its partner may get tokens now; looked up on every token request. */
  async activeClient(clientId: string): Promise<ActiveClient | null> {
    const row = await this.clients.credentials(clientId);
    if (!row || !isActive(row)) return null;
    return { clientId: row.clientId, partnerId: row.partnerId, scopes: row.scopes };
  }

  /** Whether `secret` is the client's current one, or its previous one within the overlap. */
  async secretMatches(clientId: string, secret: string): Promise<boolean> {
    const row = await this.clients.credentials(clientId);
    if (!row || !isActive(row) || secret.length === 0 || secret.length > 200) return false;
    if (await clientSecretMatches(secret, row.secretHash)) return true;
    const overlapping =
      row.previousSecretHash !== null &&
      row.previousValidUntil !== null &&
      new Date(row.previousValidUntil).getTime() > Date.now();
    return overlapping && row.previousSecretHash !== null
      ? clientSecretMatches(secret, row.previousSecretHash)
      : false;
  }

  /** Whether a token of this client may still be used: asked again after a few seconds. */
  async mayStillAct(clientId: string): Promise<boolean> {
    const now = Date.now();
    const known = this.standing.get(clientId);
    if (known && known.until > now) return known.active;
    const row = await this.clients.credentials(clientId);
    const active = row !== null && isActive(row);
    const cacheMs = this.config.PARTNERS_CLIENT_STATUS_CACHE_SECONDS * 1000;
    if (cacheMs > 0) {
      if (this.standing.size > 10_000) this.standing.clear();
      this.standing.set(clientId, { active, until: now + cacheMs });
    }
    return active;
  }
}

function isActive(row: ClientCredentialsRow): boolean {
  const partner: Partner = {
    id: row.partnerId,
    name: row.partnerName,
    type: row.partnerType,
    status: row.partnerStatus,
    regionPrefixes: row.regionPrefixes,
    industrySections: row.industrySections,
    contractStartsOn: row.contractStartsOn,
    contractEndsOn: row.contractEndsOn,
  };
  return row.status === 'ACTIVE' && mayAuthenticate(partner, todayInChina());
}
