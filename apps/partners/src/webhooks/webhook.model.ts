/** A partner's webhook endpoint as the partner sees it: never its secret after creation. */
export interface WebhookEndpointRecord {
  readonly id: string;
  readonly url: string;
  readonly description: string | null;
  readonly eventTypes: string[];
  readonly createdAt: Date;
}

/** An endpoint just created, with its signing secret: the only time it is shown. */
export interface CreatedWebhookEndpoint extends WebhookEndpointRecord {
  readonly secret: string;
}

export type WebhookMessageStatus = 'PENDING' | 'DELIVERED' | 'DEAD';

/** One notification to one endpoint, and how its delivery went. */
export interface WebhookDeliveryRecord {
  readonly id: string;
  readonly eventType: string;
  readonly status: WebhookMessageStatus;
  readonly attempts: WebhookAttemptRecord[];
  readonly createdAt: Date;
  readonly nextAttemptAt: Date | null;
}

export interface WebhookAttemptRecord {
  readonly attempt: number;
  readonly attemptedAt: Date;
  readonly statusCode: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
  readonly outcome: 'DELIVERED' | 'RETRY' | 'DEAD';
}

/** What a delivery attempt needs: the message, its endpoint and the endpoint's secrets. */
export interface PendingDelivery {
  readonly id: string;
  readonly partnerId: string;
  readonly body: string;
  readonly attempts: number;
  readonly firstAttemptAt: Date | null;
  readonly url: string;
  readonly secret: string;
  readonly previousSecret: string | null;
  readonly previousValidUntil: Date | null;
}
