import type { Partner, PartnerStatus, PartnerType } from '@gap/partners/domain';

/** How much of the channel a partner carries: strategic partners get the widest mandate. */
export const PARTNER_LEVELS = ['STRATEGIC', 'CORE', 'STANDARD'] as const;
export type PartnerLevel = (typeof PARTNER_LEVELS)[number];

/** A person at the partner the operator's staff deal with. */
export interface PartnerContact {
  readonly name: string;
  readonly title: string | null;
  readonly mobile: string | null;
  readonly email: string | null;
}

/** What an admin says a partner is: the fields registration sets and an update replaces. */
export interface PartnerFields {
  readonly name: string;
  readonly type: PartnerType;
  readonly level: PartnerLevel;
  readonly regionPrefixes: readonly string[];
  readonly industrySections: readonly string[];
  readonly contractStartsOn: string;
  readonly contractEndsOn: string | null;
  readonly contacts: readonly PartnerContact[];
}

/** A partner organisation as stored: the domain's partner with what the desk keeps of it. */
export interface PartnerRecord extends Partner, PartnerFields {
  readonly code: string;
  readonly status: PartnerStatus;
  readonly statusReason: string | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
