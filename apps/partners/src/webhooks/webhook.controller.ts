import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import { ApiProblems, RestController, StateChange } from '@gap/rest';
import { PartnerRoute } from '../rate-limit/partner-route.decorator.js';
import {
  CreateWebhookEndpointInput,
  WebhookDeliveryParams,
  WebhookEndpointIdParams,
} from './dto/webhook-endpoint.input.js';
import {
  CreatedWebhookEndpointResource,
  WebhookDeliveryResource,
  WebhookEndpointResource,
} from './dto/webhook-endpoint.resource.js';
import { WebhookEndpointService } from './webhook-endpoint.service.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/**
 * `/api/v1/partners/webhooks`: a partner's own webhook endpoints and their delivery logs
 * (scope webhooks:manage); another partner's endpoint is not found (404), never forbidden.
 */
@PartnerRoute('webhooks:manage')
@RestController('partners/webhooks')
@ApiProblems(403, 429)
export class WebhookController {
  constructor(private readonly endpoints: WebhookEndpointService) {}

  @Post()
  @StateChange({ ifMatch: false })
  @op(
    'Registers an endpoint; its whsec_ signing secret is in this answer only.',
    'createPartnerWebhook',
  )
  @ApiCreatedResponse({ type: CreatedWebhookEndpointResource })
  createPartnerWebhook(@CurrentCaller() caller: Caller, @Body() body: CreateWebhookEndpointInput) {
    return this.endpoints.create(caller, body);
  }

  @Get()
  @op('The partner’s own endpoints.', 'listPartnerWebhooks')
  @ApiOkResponse({ type: [WebhookEndpointResource] })
  listPartnerWebhooks(@CurrentCaller() caller: Caller) {
    return this.endpoints.list(caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @op('Removes one of the partner’s endpoints; nothing more is sent to it.', 'deletePartnerWebhook')
  @ApiNoContentResponse()
  @ApiProblems(404)
  async deletePartnerWebhook(@CurrentCaller() caller: Caller, @Param() p: WebhookEndpointIdParams) {
    await this.endpoints.remove(caller, p.id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @StateChange({ ifMatch: false })
  @op(
    'A new whsec_ secret, in this answer only; the old one also signs for 24 h.',
    'rotatePartnerWebhookSecret',
  )
  @ApiOkResponse({ type: CreatedWebhookEndpointResource })
  @ApiProblems(404)
  rotatePartnerWebhookSecret(@CurrentCaller() caller: Caller, @Param() p: WebhookEndpointIdParams) {
    return this.endpoints.rotateSecret(caller, p.id);
  }

  @Post(':id/deliveries/:messageId/replay')
  @HttpCode(202)
  @StateChange({ ifMatch: false })
  @op('Sends a dead-lettered delivery again, retried afresh.', 'replayPartnerWebhookDelivery')
  @ApiAcceptedResponse({
    description: 'Queued again: `{ messageId, status: "PENDING" }`.',
    schema: {
      type: 'object',
      properties: { messageId: { type: 'string' }, status: { type: 'string', enum: ['PENDING'] } },
    },
  })
  @ApiProblems(404)
  async replayPartnerWebhookDelivery(
    @CurrentCaller() caller: Caller,
    @Param() p: WebhookDeliveryParams,
  ) {
    await this.endpoints.replay(caller, p.id, p.messageId);
    return { messageId: p.messageId, status: 'PENDING' };
  }

  @Get(':id/deliveries')
  @op(
    'The endpoint’s latest deliveries (100), each attempt logged.',
    'listPartnerWebhookDeliveries',
  )
  @ApiOkResponse({ type: [WebhookDeliveryResource] })
  @ApiProblems(404)
  listPartnerWebhookDeliveries(
    @CurrentCaller() caller: Caller,
    @Param() p: WebhookEndpointIdParams,
  ) {
    return this.endpoints.deliveriesOf(caller, p.id);
  }
}
