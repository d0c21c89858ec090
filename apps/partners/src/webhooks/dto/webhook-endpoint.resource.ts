import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PARTNER_WEBHOOK_EVENT_TYPES } from '@gap/partners/domain';

@ApiSchema({ name: 'PartnerWebhookEndpoint' })
export class WebhookEndpointResource {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: PARTNER_WEBHOOK_EVENT_TYPES, isArray: true }) eventTypes!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

@ApiSchema({
  name: 'CreatedPartnerWebhookEndpoint',
  description: 'The endpoint with its signing secret: shown this once; store it now.',
})
export class CreatedWebhookEndpointResource extends WebhookEndpointResource {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) secret!: string;
}

@ApiSchema({ name: 'PartnerWebhookAttempt' })
export class WebhookAttemptResource {
  @ApiProperty({ type: 'integer' }) attempt!: number;
  @ApiProperty({ format: 'date-time' }) attemptedAt!: Date;
  @ApiPropertyOptional({ type: 'integer', nullable: true }) statusCode!: number | null;
  @ApiProperty({ type: 'integer' }) latencyMs!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ enum: ['DELIVERED', 'RETRY', 'DEAD'] }) outcome!: string;
}

@ApiSchema({ name: 'PartnerWebhookDelivery' })
export class WebhookDeliveryResource {
  @ApiProperty({ description: 'The webhook-id every attempt carried.' }) id!: string;
  @ApiProperty({ enum: PARTNER_WEBHOOK_EVENT_TYPES }) eventType!: string;
  @ApiProperty({ enum: ['PENDING', 'DELIVERED', 'DEAD'] }) status!: string;
  @ApiProperty({ type: [WebhookAttemptResource] }) attempts!: WebhookAttemptResource[];
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  nextAttemptAt!: Date | null;
}
