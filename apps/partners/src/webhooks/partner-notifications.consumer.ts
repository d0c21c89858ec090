import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';
import { MessagingService, type EventHandlers } from '@gap/messaging';
import {
  NOTIFIED_EVENTS,
  partnerNotification,
  type NotifiedEvent,
} from './partner-notifications.js';
import { WebhookDispatchService } from './webhook-dispatch.service.js';

/** A group of its own: partners are told at the pace of their endpoints, not the book's. */
export const NOTIFICATIONS_CONSUMER_GROUP = 'partners-webhooks';

/**
 * Partners' outcome notifications follow the service's own events: a lead or deal change
 * commits with its event (the outbox), and the event, consumed once, queues the webhook in the
 * same transaction as its consumption, so that no change goes untold and none is told twice.
 */
@Injectable()
export class PartnerNotificationsConsumer implements OnModuleInit {
  constructor(
    private readonly messaging: MessagingService,
    private readonly dispatch: WebhookDispatchService,
  ) {}

  onModuleInit(): void {
    const notify = async (event: EventEnvelope, tx: EntityManager) => {
      const { partnerId, type, data } = partnerNotification(event as EventEnvelope<NotifiedEvent>);
      await this.dispatch.enqueueWebhook(partnerId, type, data, tx);
    };
    const handlers = Object.fromEntries(
      Object.keys(NOTIFIED_EVENTS).map((type) => [type, notify]),
    ) as EventHandlers;
    this.messaging.consume({ groupId: NOTIFICATIONS_CONSUMER_GROUP, handlers });
  }
}
