import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEFAULT_DELIVERY_RETRY_POLICY,
  nextDeliveryAttempt,
  signingSecrets,
  signWebhook,
  type DeliveryRetryPolicy,
  type PartnerWebhookEventType,
} from '@gap/partners/domain';
import { PartnerIntegrationConfig } from '../oauth/partner-integration.config.js';
import { WebhookDeliveryRepository, type Attempt } from './webhook-delivery.repository.js';
import type { PendingDelivery } from './webhook.model.js';
import { WebhookQueue } from './webhook-queue.repository.js';
import { WebhookSender } from './webhook-sender.js';

/**
 * Partners' outcome notifications: `enqueueWebhook` writes one message per endpoint of that
 * partner (and only that partner) hearing the event, and queues its first attempt; each attempt
 * is signed per Standard Webhooks, logged, and followed by the next on the retry schedule until
 * it is delivered or dead-lettered.
 */
@Injectable()
export class WebhookDispatchService implements OnApplicationBootstrap {
  policy: DeliveryRetryPolicy;
  /** How long an attempt holds its message: the receiver's timeout and a margin. */
  private readonly leaseMs: number;
  /** Whether this instance works the queue (specs that only enqueue turn it off). */
  working = true;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly queue: WebhookQueue,
    private readonly sender: WebhookSender,
    @Inject(PartnerIntegrationConfig) config: PartnerIntegrationConfig,
  ) {
    this.policy = {
      ...DEFAULT_DELIVERY_RETRY_POLICY,
      windowMs: config.PARTNERS_WEBHOOK_RETRY_WINDOW_SECONDS * 1000,
    };
    this.leaseMs = config.PARTNERS_WEBHOOK_TIMEOUT_MS + 30_000;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.working) await this.queue.work((ids) => this.attemptAll(ids));
  }

  /**
   * Notifies the partner's endpoints of an event; inside `tx` when given, so the notification
   * is sent only if the change that caused it commits. The ids of the messages queued.
   */
  async enqueueWebhook(
    partnerId: string,
    eventType: PartnerWebhookEventType,
    payload: Record<string, unknown>,
    tx?: EntityManager,
  ): Promise<string[]> {
    const body = { type: eventType, timestamp: new Date().toISOString(), data: payload };
    return this.enqueueBody(partnerId, eventType, body, tx);
  }

  /**
   * Notifies the partner's endpoints that name `eventType` (TM Forum hubs) with `body` as it
   * is; inside `tx` when given. The ids of the messages queued.
   */
  enqueueNamedEvent(
    partnerId: string,
    eventType: string,
    body: Record<string, unknown>,
    tx?: EntityManager,
  ): Promise<string[]> {
    return this.enqueueBody(partnerId, eventType, body, tx, true);
  }

  private enqueueBody(
    partnerId: string,
    eventType: string,
    body: Record<string, unknown>,
    tx?: EntityManager,
    namedOnly = false,
  ): Promise<string[]> {
    const text = JSON.stringify(body);
    const work = async (manager: EntityManager) => {
      const ids = await this.deliveries.insertMessages(
        manager,
        partnerId,
        eventType,
        text,
        namedOnly,
      );
      await this.queue.enqueue(
        manager,
        ids.map((messageId) => ({ messageId })),
      );
      return ids;
    };
    return tx ? work(tx) : this.deliveries.transaction(work);
  }

  /** One attempt at a message; see {@link attemptAll}. */
  attempt(messageId: string): Promise<void> {
    return this.attemptAll([messageId]);
  }

  /**
   * One attempt at each message; a message already delivered, dead or being tried is left
   * alone. The messages are leased (one statement) and posted side by side outside any
   * transaction, then every outcome is logged, with the retries queued, in one: a slow
   * receiver holds no connection, and a batch costs a handful of statements, not a few each.
   */
  async attemptAll(messageIds: readonly string[]): Promise<void> {
    const messages = await this.deliveries.claim(messageIds, this.leaseMs);
    if (messages.length === 0) return;
    const attempts = await Promise.all(messages.map((message) => this.post(message)));
    await this.deliveries.transaction(async (tx) => {
      await this.deliveries.record(tx, attempts);
      const retries = attempts.flatMap((a) =>
        a.nextAttemptAt ? [{ messageId: a.messageId, at: a.nextAttemptAt }] : [],
      );
      await this.queue.enqueue(tx, retries);
    });
  }

  private async post(message: PendingDelivery): Promise<Attempt> {
    const now = new Date();
    const secrets = signingSecrets(
      {
        current: message.secret,
        previous: message.previousSecret,
        previousValidUntil: message.previousValidUntil,
      },
      now,
    );
    const headers = signWebhook(secrets, {
      id: message.id,
      timestamp: Math.floor(now.getTime() / 1000),
      body: message.body,
    });
    const sent = await this.sender.post(message.url, message.body, { ...headers });
    const attempt = message.attempts + 1;
    const firstAttemptAt = message.firstAttemptAt ? new Date(message.firstAttemptAt) : now;
    const ok = sent.statusCode !== null && sent.statusCode >= 200 && sent.statusCode < 300;
    const next = ok
      ? null
      : nextDeliveryAttempt(this.policy, attempt, firstAttemptAt, new Date(), Math.random());
    const retryAt = next?.kind === 'RETRY' ? next.at : null;
    return {
      messageId: message.id,
      attempt,
      attemptedAt: now,
      statusCode: sent.statusCode,
      latencyMs: sent.latencyMs,
      error: sent.error ?? (ok ? null : `Answered ${sent.statusCode ?? 'nothing'}.`),
      outcome: ok ? 'DELIVERED' : retryAt ? 'RETRY' : 'DEAD',
      firstAttemptAt,
      nextAttemptAt: retryAt,
    };
  }
}
