import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import { OpenWorkService } from '../handover/open-work.service.js';
import { CoordinationWorkRepository } from './coordination-work.repository.js';

/** The open-work source of the coordination service's requests. */
export const COORDINATION_REQUEST = 'COORDINATION_REQUEST';
/** Who closes their checklist items when the request closes. */
const SERVICE = 'coordination';

type Ended = EventEnvelope<'RequestClosed' | 'RequestRejected' | 'RequestCancelled'>;

/**
 * What the managers service does with the coordination service's events. A request open on an
 * account is open work: submitted or reopened, it is an item of the account's handover
 * checklist (a handover planned later draws it from the open work; one open now gets it at
 * once); closed, rejected or cancelled, the item is done, so it no longer holds the handover
 * back. Closed requests and complaints, with the customer's satisfaction, feed the scorecard of
 * the account's manager.
 */
@Injectable()
export class CoordinationLinksService {
  constructor(
    private readonly openWork: OpenWorkService,
    private readonly work: CoordinationWorkRepository,
  ) {}

  async onSubmitted(event: EventEnvelope<'RequestSubmitted'>, tx: EntityManager): Promise<void> {
    const p = event.payload;
    await this.opened(tx, p.requestId, p.groupAccountId, labelOf(p), event.occurredAt);
  }

  async onReopened(event: EventEnvelope<'RequestReopened'>, tx: EntityManager): Promise<void> {
    const p = event.payload;
    await this.opened(tx, p.requestId, p.groupAccountId, labelOf(p), event.occurredAt);
  }

  async onEnded(event: Ended, tx: EntityManager): Promise<void> {
    const note = `${event.payload.type} request ${ENDINGS[event.type]} in coordination`;
    await this.openWork.closed(
      tx,
      { source: COORDINATION_REQUEST, ref: event.payload.requestId, at: event.occurredAt },
      note,
      SERVICE,
    );
    if (event.type === 'RequestClosed') {
      await this.work.closed(tx, {
        requestId: event.payload.requestId,
        accountId: event.payload.groupAccountId,
        complaint: event.payload.type === 'COMPLAINT',
        satisfaction: null,
        at: event.occurredAt,
      });
    }
  }

  async onComplaintClosed(
    event: EventEnvelope<'ComplaintClosed'>,
    tx: EntityManager,
  ): Promise<void> {
    await this.work.closed(tx, {
      requestId: event.payload.requestId,
      accountId: event.payload.groupAccountId,
      complaint: true,
      satisfaction: event.payload.satisfaction,
      at: event.occurredAt,
    });
  }

  private async opened(
    tx: EntityManager,
    requestId: string,
    accountId: string,
    title: string,
    at: string,
  ): Promise<void> {
    const work = { source: COORDINATION_REQUEST, ref: requestId, accountId, title, at };
    await this.openWork.opened(tx, work, SERVICE);
  }
}

const ENDINGS = {
  RequestClosed: 'closed',
  RequestRejected: 'rejected',
  RequestCancelled: 'cancelled',
} as const;

/** `CR-2026-000123 福州软件园专线新装`, or the request's type when an older event has no title. */
function labelOf(p: { requestId: string; type: string; reference?: string; title?: string }) {
  const reference = p.reference ?? p.requestId;
  return p.title ? `${reference} ${p.title}` : `${reference} (${p.type})`;
}
