import type { PartnerStatus, PartnerType } from '@gap/partners/domain';

export type PartnerClientStatus = 'ACTIVE' | 'REVOKED';

/** A partner's OAuth client as admins see it: never its secret, only when it changed. */
export interface PartnerClientRecord {
  readonly clientId: string;
  readonly partnerId: string;
  readonly name: string;
  readonly scopes: string[];
  readonly status: PartnerClientStatus;
  readonly createdAt: Date;
  readonly rotatedAt: Date | null;
  /** Until when the secret replaced by the last rotation still works. */
  readonly previousValidUntil: Date | null;
  readonly revokedAt: Date | null;
}

/** What a token request is checked against: the client, its hashes and its partner's standing. */
export interface ClientCredentialsRow extends PartnerClientRecord {
  readonly secretHash: string;
  readonly previousSecretHash: string | null;
  readonly partnerStatus: PartnerStatus;
  readonly partnerName: string;
  readonly partnerType: PartnerType;
  readonly regionPrefixes: string[];
  readonly industrySections: string[];
  readonly contractStartsOn: string;
  readonly contractEndsOn: string | null;
}

/** A client just issued or rotated: the only time its secret is ever shown. */
export interface IssuedPartnerClient {
  readonly client: PartnerClientRecord;
  readonly clientSecret: string;
}
