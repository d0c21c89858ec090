import { TMF_BASE_ATTRIBUTES } from '@gap/rest';
import type { BusinessCalendar } from '@gap/coordination/domain';
import type { StoredRequest } from '../requests/request.repository.js';
import { requestView } from '../requests/request.view.js';
import {
  severityOf,
  statusOf,
  ticketTypeOf,
  tmfPriorityOf,
  type StatusChange,
} from './trouble-ticket.mapping.js';

export const TMF621_BASE = '/tmf-api/troubleTicket/v5';

const ref = (id: string, referredType: string) => ({
  id,
  '@type': 'PartyRef',
  '@referredType': referredType,
});
const related = (role: string, party: ReturnType<typeof ref>) => ({
  role,
  partyOrPartyRole: party,
  '@type': 'RelatedPartyRefOrPartyRoleRef',
});

/**
 * A coordination request as a TMF621 TroubleTicket: its account is the `customer` party, who
 * raised it the `reporter`, the lead department the `owner`; the request's reference is an
 * external identifier; the resolution clock's due time is the expected resolution date.
 */
export function toTroubleTicket(
  stored: StoredRequest,
  history: readonly StatusChange[],
  now: Date,
  calendar: BusinessCalendar,
): Record<string, unknown> {
  const view = requestView(stored, now, calendar);
  const r = stored.body.request;
  const last = history.at(-1);
  const expected = view.resolutionClock?.dueAt ?? view.responseClock?.dueAt ?? null;
  const characteristic = stored.body.complaintCategory
    ? [
        {
          name: 'complaintCategory',
          valueType: 'string',
          value: stored.body.complaintCategory,
          '@type': 'StringCharacteristic',
        },
      ]
    : [];
  return {
    id: stored.id,
    href: `${TMF621_BASE}/troubleTicket/${stored.id}`,
    '@type': 'TroubleTicket',
    name: stored.title,
    description: stored.description,
    severity: severityOf(r.priority),
    priority: tmfPriorityOf(r.priority),
    ticketType: ticketTypeOf(r.type),
    status: statusOf(r),
    statusChangeDate: (last?.statusChangeDate ?? stored.createdAt).toISOString(),
    ...(r.endReason ? { statusChangeReason: r.endReason } : {}),
    statusChangeHistory: history.map((change) => ({
      status: change.status,
      statusChangeDate: change.statusChangeDate.toISOString(),
      '@type': 'StatusChange',
    })),
    creationDate: stored.createdAt.toISOString(),
    lastUpdate: stored.updatedAt.toISOString(),
    ...(expected ? { expectedResolutionDate: expected.toISOString() } : {}),
    ...(r.resolvedAt ? { resolutionDate: r.resolvedAt.toISOString() } : {}),
    relatedParty: [
      related('customer', ref(stored.accountId, 'Organization')),
      related(
        'reporter',
        ref(r.raisedBy.id, r.raisedBy.kind === 'PARTNER' ? 'Organization' : 'Individual'),
      ),
      ...(r.leadDepartmentId ? [related('owner', ref(r.leadDepartmentId, 'Organization'))] : []),
    ],
    externalIdentifier: [
      {
        id: stored.reference,
        owner: 'coordination',
        externalIdentifierType: 'coordinationRequest',
        '@type': 'ExternalIdentifier',
      },
    ],
    troubleTicketCharacteristic: characteristic,
  };
}

/** The first-level attributes a TroubleTicket of the platform may carry (for `fields=`). */
export const TICKET_ATTRIBUTES = [
  ...TMF_BASE_ATTRIBUTES,
  'name',
  'description',
  'severity',
  'ticketType',
  'attachment',
  'channel',
  'creationDate',
  'requestedResolutionDate',
  'expectedResolutionDate',
  'resolutionDate',
  'externalIdentifier',
  'lastUpdate',
  'note',
  'priority',
  'relatedEntity',
  'relatedParty',
  'status',
  'statusChangeDate',
  'statusChangeReason',
  'statusChangeHistory',
  'troubleTicketRelationship',
  'troubleTicketSpecification',
  'troubleTicketCharacteristic',
] as const;
