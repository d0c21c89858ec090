import { randomUUID } from 'node:crypto';
import type { EventEnvelope, EventPayload } from '@gap/contracts';
import { PARTNER_WEBHOOK_EVENT_TYPES } from '@gap/partners/domain';
import {
  NOTIFIED_EVENTS,
  partnerNotification,
  type NotifiedEvent,
} from './partner-notifications.js';

const partnerId = randomUUID();
const leadId = randomUUID();
const otherPartner = randomUUID();

function envelope<T extends NotifiedEvent>(type: T, payload: EventPayload<T>): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    occurredAt: '2026-12-03T04:00:00.000Z',
    aggregateId: leadId,
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
}

const lead = { leadId, partnerId, groupAccountId: randomUUID(), version: 3 };

describe("what a partner is told of its leads' and deals' events", () => {
  it('has a webhook type for every event partners hear of, and each type once', () => {
    const types = Object.values(NOTIFIED_EVENTS);
    expect(new Set(types).size).toBe(types.length);
    expect([...types].sort()).toEqual([...PARTNER_WEBHOOK_EVENT_TYPES].sort());
  });

  it('tells the lead’s own partner of an assignment, without the manager', () => {
    const told = partnerNotification(
      envelope('LeadAssigned', {
        ...lead,
        managerId: 'E3001',
        assignedBy: 'managers',
        firstContactDueAt: '2026-12-04T04:00:00.000Z',
      }),
    );
    expect(told).toEqual({
      partnerId,
      type: 'lead.assigned',
      data: {
        leadId,
        version: 3,
        firstContactDueAt: '2026-12-04T04:00:00.000Z',
        occurredAt: '2026-12-03T04:00:00.000Z',
      },
    });
  });

  it('says whether the partner won a conflict, never who else was in it', () => {
    const event = (winnerPartnerId: string) =>
      envelope('LeadInConflict', {
        ...lead,
        reason: 'PARTNER_PROTECTED',
        reasons: ['PARTNER_PROTECTED'],
        winnerKind: 'PARTNER',
        winnerManagerId: null,
        winnerPartnerId,
      });
    const lost = partnerNotification(event(otherPartner));
    expect(lost.data).toMatchObject({ won: false, reason: 'PARTNER_PROTECTED' });
    expect(JSON.stringify(lost)).not.toContain(otherPartner);
    expect(partnerNotification(event(partnerId)).data).toMatchObject({ won: true });
  });

  it('never passes on the account, a duplicate’s original or a manager', () => {
    const told = [
      partnerNotification(
        envelope('LeadDuplicate', {
          ...lead,
          duplicateOfKind: 'LEAD',
          duplicateOfId: randomUUID(),
          decidedBy: 'C3001',
        }),
      ),
      partnerNotification(
        envelope('LeadConverted', { ...lead, managerId: 'E3001', convertedAt: 'now' }),
      ),
      partnerNotification(
        envelope('DealExpired', {
          registrationId: randomUUID(),
          partnerId,
          creditCode: '91350100M000100Y43',
          groupAccountId: lead.groupAccountId,
          expiresAt: '2026-12-01T00:00:00.000Z',
          expiredAt: '2026-12-01T00:00:30.000Z',
        }),
      ),
    ];
    for (const notification of told) {
      const text = JSON.stringify(notification);
      expect(notification.partnerId).toBe(partnerId);
      expect(text).not.toContain(lead.groupAccountId);
      expect(text).not.toContain('E3001');
      expect(text).not.toContain('C3001');
    }
  });
});
