/** The shapes the demo book is made of; `demo-book.ts` is the public entry point. */

export type AccountType = 'ENTERPRISE' | 'GOVERNMENT' | 'PUBLIC_INSTITUTION' | 'SME';
export type AccountStatus = 'PROSPECT' | 'ACTIVE' | 'SUSPENDED' | 'CHURNED';
export type ContactRole = 'DECISION_MAKER' | 'IT_LEAD' | 'FINANCE' | 'USER' | 'OTHER';
export type ContactChannel = 'PHONE' | 'SMS' | 'EMAIL' | 'VISIT';
export type KeyDateKind = 'LINE_ACTIVATION_ANNIVERSARY' | 'OFFICE_MOVE' | 'CUSTOM';

export interface DemoBookOptions {
  /** Total accounts. */
  readonly accounts: number;
  /** PRNG seed, default 20261123. */
  readonly seed?: number;
  /** Nodes (HQ included) of the one biggest group; default min(accounts / 10, 2000). */
  readonly largestGroup?: number;
  /** Deepest level of the biggest group, HQ = 1; default 10. Other groups have 2-4 levels. */
  readonly maxDepth?: number;
}

export interface DemoAccountRow {
  /** Valid, unique; '91' enterprise or SME, '11' government, '12' public institution. */
  readonly creditCode: string;
  readonly name: string;
  readonly legalName: string;
  readonly type: AccountType;
  /** GB/T 4754 section letter. */
  readonly industryCode: string;
  /** GB/T 2260 district code, as in positions 3-8 of the credit code. */
  readonly regionCode: string;
  readonly employees: number;
  readonly linesCount: number;
  /** YYYY-MM-DD */
  readonly foundedOn: string;
  readonly status: AccountStatus;
  readonly tags: readonly string[];
  /** Null for a group's HQ and standalone accounts; otherwise a code emitted earlier. */
  readonly parentCreditCode: string | null;
}

export interface DemoKeyDate {
  readonly kind: KeyDateKind;
  readonly date: string;
  /** Set for CUSTOM dates, null otherwise. */
  readonly label: string | null;
}

export interface DemoContactRow {
  readonly accountCreditCode: string;
  readonly name: string;
  readonly title: string;
  readonly role: ContactRole;
  /** As people type it: '138 0591 2345', '13805912345', '+86 138-0591-2345'. */
  readonly mobile: string | null;
  /** With the district's area code: '0592-5551234', '(0591) 8765 4321'. */
  readonly officePhone: string | null;
  readonly email: string | null;
  readonly preferredChannel: ContactChannel;
  readonly birthday: string | null;
  readonly keyDates: readonly DemoKeyDate[];
}

export interface DemoCluster {
  /** e.g. 厦门智能装备产业集群 */
  readonly name: string;
  readonly industryCode: string;
  readonly regionCode: string;
  readonly leaderCreditCode: string;
  readonly supportingCreditCodes: readonly string[];
}

export interface DemoAssociation {
  /** e.g. 福建省软件行业协会 */
  readonly name: string;
  readonly industryCode: string;
  /** Division code of the registering level: 350000 (province) or 350200 (city). */
  readonly regionCode: string;
  readonly memberCreditCodes: readonly string[];
}
