import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { TextRules, UuidRule } from '@gap/graphql';
import { MAX_ENDPOINT_URL_LENGTH, PARTNER_WEBHOOK_EVENT_TYPES } from '@gap/partners/domain';

@ApiSchema({ name: 'CreatePartnerWebhookEndpoint' })
export class CreateWebhookEndpointInput {
  @ApiProperty({ example: 'https://crm.example.com/hooks/group-platform', maxLength: 2000 })
  @TextRules({ maxLength: MAX_ENDPOINT_URL_LENGTH })
  url!: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @TextRules({ maxLength: 200 })
  description?: string | null;

  @ApiPropertyOptional({
    enum: PARTNER_WEBHOOK_EVENT_TYPES,
    isArray: true,
    description: 'The events the endpoint hears; none or empty: every event.',
  })
  @IsOptional()
  @ArrayMaxSize(PARTNER_WEBHOOK_EVENT_TYPES.length)
  @IsIn(PARTNER_WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: string[];
}

export class WebhookEndpointIdParams {
  @ApiProperty({ format: 'uuid' }) @UuidRule() id!: string;
}

export class WebhookDeliveryParams extends WebhookEndpointIdParams {
  @ApiProperty({ example: 'msg_2f1c0d3e4b5a69788796a5b4c3d2e1f0' })
  @TextRules({ maxLength: 40 })
  messageId!: string;
}
