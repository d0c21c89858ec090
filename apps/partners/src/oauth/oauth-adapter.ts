import { randomBytes } from 'node:crypto';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { OAuthStoreRepository } from './oauth-store.repository.js';
import type { PartnerClientService } from './partner-client.service.js';

/**
 * The authorization server's storage on the service's PostgreSQL. Clients are partners'
 * clients, read afresh on every token request (so a revoked client or a suspended partner gets
 * no token); other artifacts go to one table by model. JWT access tokens are not stored.
 */
export class PostgresOAuthAdapter implements Adapter {
  constructor(
    private readonly model: string,
    private readonly store: OAuthStoreRepository,
    private readonly clients: PartnerClientService,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    if (this.model === 'Client') throw new Error('Partner clients are issued by admins only.');
    await this.store.upsert(this.model, id, payload, expiresIn);
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (this.model !== 'Client') return this.store.find(this.model, id);
    const client = await this.clients.activeClient(id);
    if (!client) return undefined;
    return {
      client_id: client.clientId,
      // The secret is checked against its hashes (compareClientSecret); what the library holds
      // is a throw-away value no one knows.
      client_secret: randomBytes(32).toString('base64url'),
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: 'client_secret_basic',
      scope: client.scopes.join(' '),
    };
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return this.store.findBy(this.model, 'userCode', userCode);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return this.store.findBy(this.model, 'uid', uid);
  }

  consume(id: string): Promise<void> {
    return this.store.consume(this.model, id);
  }

  destroy(id: string): Promise<void> {
    return this.store.destroy(this.model, id);
  }

  revokeByGrantId(grantId: string): Promise<void> {
    return this.store.destroyByGrant(this.model, grantId);
  }
}
