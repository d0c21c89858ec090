import { TMF_BASE_ATTRIBUTES } from '@gap/rest';
import type { LeadState } from '@gap/partners/domain';
import type { LeadRecord } from '../leads/lead.model.js';

export const TMF632_BASE = '/tmf-api/partyManagement/v5';
export const TMF629_BASE = '/tmf-api/customerManagement/v5';

/** TMF632's OrganizationStateType. */
export const ORGANIZATION_STATUSES = ['initialized', 'validated', 'closed'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

/**
 * A lead's company as an Organization's lifecycle: received or in conflict, it is not yet
 * settled (`initialized`); qualified and on, the operator works it (`validated`); a duplicate
 * or a lost lead is over (`closed`).
 */
export const ORGANIZATION_STATUS_OF: Readonly<Record<LeadState, OrganizationStatus>> = {
  RECEIVED: 'initialized',
  IN_CONFLICT: 'initialized',
  QUALIFIED: 'validated',
  ASSIGNED: 'validated',
  CONTACTED: 'validated',
  CONVERTED: 'validated',
  DUPLICATE: 'closed',
  LOST: 'closed',
};

/** The customer's status: a prospect a manager works, or a customer the lead converted. */
export const CUSTOMER_STATUSES = ['prospective', 'approved'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

/** The leads that are a partner's customers: assigned to a manager, contacted or converted. */
export const CUSTOMER_STATUS_OF: Readonly<Partial<Record<LeadState, CustomerStatus>>> = {
  ASSIGNED: 'prospective',
  CONTACTED: 'prospective',
  CONVERTED: 'approved',
};

/** The lead states a status filter stands for. */
export function leadStatesOf<S extends string>(
  statusOf: Readonly<Partial<Record<LeadState, S>>>,
  statuses: readonly S[] | null,
): LeadState[] {
  return (Object.entries(statusOf) as [LeadState, S][])
    .filter(([, status]) => statuses === null || statuses.includes(status))
    .map(([state]) => state);
}

/** The first-level attributes an Organization of the platform may carry (for `fields=`). */
export const ORGANIZATION_ATTRIBUTES = [
  ...TMF_BASE_ATTRIBUTES,
  'name',
  'tradingName',
  'nameType',
  'isLegalEntity',
  'isHeadOffice',
  'organizationType',
  'status',
  'existsDuring',
  'otherName',
  'organizationIdentification',
  'organizationChildRelationship',
  'organizationParentRelationship',
  'contactMedium',
  'creditRating',
  'externalReference',
  'partyCharacteristic',
  'relatedParty',
  'taxExemptionCertificate',
] as const;

/** The first-level attributes a Customer of the platform may carry (for `fields=`). */
export const CUSTOMER_ATTRIBUTES = [
  ...TMF_BASE_ATTRIBUTES,
  'name',
  'description',
  'role',
  'status',
  'statusReason',
  'validFor',
  'engagedParty',
  'partyRoleSpecification',
  'characteristic',
  'account',
  'agreement',
  'contactMedium',
  'creditProfile',
  'paymentMethod',
  'relatedParty',
] as const;

const characteristic = (name: string, value: string) => ({
  name,
  value,
  valueType: 'string',
  '@type': 'StringCharacteristic',
});

/** Whom to call, as TMF contact media (personal data: only the partner that gave it sees it). */
function contactMedium(lead: LeadRecord): Record<string, unknown>[] {
  const media: Record<string, unknown>[] = [];
  if (lead.contactPhone) {
    media.push({
      '@type': 'PhoneContactMedium',
      contactType: 'phone',
      preferred: true,
      phoneNumber: lead.contactPhone,
    });
  }
  if (lead.contactEmail) {
    media.push({
      '@type': 'EmailContactMedium',
      contactType: 'email',
      preferred: !lead.contactPhone,
      emailAddress: lead.contactEmail,
    });
  }
  return media;
}

export const organizationHref = (id: string) => `${TMF632_BASE}/organization/${id}`;
export const customerHref = (id: string) => `${TMF629_BASE}/customer/${id}`;

/**
 * The company a partner brought, as a TMF632 Organization: the lead's id is the organization's
 * (a partner sees the book only through its own leads, never the operator's account ids); the
 * credit code is its identification, the partner's reference an external reference, the
 * region, industry, kind, priority and the lead's own state characteristics.
 */
export function toOrganization(lead: LeadRecord): Record<string, unknown> {
  return {
    id: lead.id,
    href: organizationHref(lead.id),
    '@type': 'Organization',
    name: lead.companyName,
    tradingName: lead.companyName,
    isLegalEntity: true,
    status: ORGANIZATION_STATUS_OF[lead.state],
    existsDuring: { startDateTime: lead.receivedAt.toISOString() },
    organizationIdentification: lead.creditCode
      ? [
          {
            '@type': 'OrganizationIdentification',
            identificationType: 'USCC',
            identificationId: lead.creditCode,
            issuingAuthority: '国家市场监督管理总局',
          },
        ]
      : [],
    externalReference: lead.partnerReference
      ? [
          {
            '@type': 'ExternalIdentifier',
            id: lead.partnerReference,
            externalIdentifierType: 'partnerReference',
          },
        ]
      : [],
    contactMedium: contactMedium(lead),
    partyCharacteristic: [
      characteristic('regionCode', lead.regionCode),
      characteristic('industrySection', lead.industrySection),
      characteristic('leadKind', lead.kind),
      characteristic('priority', lead.priority),
      characteristic('leadState', lead.state),
      ...(lead.contactName ? [characteristic('contactName', lead.contactName)] : []),
      ...(lead.lostReason ? [characteristic('lostReason', lead.lostReason)] : []),
    ],
  };
}

/**
 * A partner's lead that a manager took on, as a TMF629 Customer: the organization is its
 * engaged party; it is `prospective` while the manager works it and `approved` once converted.
 * Neither the manager nor the operator's account id is shown to the partner.
 */
export function toCustomer(lead: LeadRecord): Record<string, unknown> {
  const status = CUSTOMER_STATUS_OF[lead.state] ?? 'prospective';
  return {
    id: lead.id,
    href: customerHref(lead.id),
    '@type': 'Customer',
    name: lead.companyName,
    role: 'customer',
    status,
    statusReason: status === 'approved' ? 'converted' : `lead ${lead.state.toLowerCase()}`,
    validFor: { startDateTime: (lead.assignedAt ?? lead.receivedAt).toISOString() },
    engagedParty: {
      id: lead.id,
      href: organizationHref(lead.id),
      name: lead.companyName,
      '@type': 'PartyRef',
      '@referredType': 'Organization',
    },
    contactMedium: contactMedium(lead),
    characteristic: [
      characteristic('regionCode', lead.regionCode),
      characteristic('industrySection', lead.industrySection),
      ...(lead.firstContactAt
        ? [characteristic('firstContactAt', lead.firstContactAt.toISOString())]
        : []),
      ...(lead.closedAt && lead.state === 'CONVERTED'
        ? [characteristic('convertedAt', lead.closedAt.toISOString())]
        : []),
    ],
  };
}
