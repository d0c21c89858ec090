import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import { ApiTmfErrors, TmfController, TmfHubBody, TmfHubSchema, TmfIdParams } from '@gap/rest';
import { PartnerRoute } from '../rate-limit/partner-route.decorator.js';
import { PARTY_HUB_APIS, type PartyHubApi } from './party-hub.js';
import { PartyHubService } from './party-hub.service.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/** `<api>/hub` of one of the partner's TMF APIs: listeners of its events (scope webhooks:manage). */
function partyHubController(api: PartyHubApi, name: string) {
  const Id = name.charAt(0).toUpperCase() + name.slice(1);

  @TmfController(PARTY_HUB_APIS[api].base, `${api} events subscription`)
  class PartyHubController {
    constructor(readonly hubs: PartyHubService) {}

    @Post('hub')
    @PartnerRoute('webhooks:manage')
    @op(
      `Registers a listener of the ${api} events (scope webhooks:manage); deliveries are signed (Standard Webhooks) with the secret answered once`,
      `create${Id}Hub`,
    )
    @ApiCreatedResponse({ type: TmfHubSchema })
    createHub(@CurrentCaller() caller: Caller, @Body() body: TmfHubBody) {
      return this.hubs.register(caller, api, body);
    }

    @Get('hub/:id')
    @PartnerRoute('webhooks:manage')
    @op(`Retrieves a listener of the ${api} events`, `retrieve${Id}Hub`)
    @ApiOkResponse({ type: TmfHubSchema })
    @ApiTmfErrors(404)
    getHub(@CurrentCaller() caller: Caller, @Param() p: TmfIdParams) {
      return this.hubs.get(caller, api, p.id);
    }

    @Delete('hub/:id')
    @HttpCode(204)
    @PartnerRoute('webhooks:manage')
    @op(`Removes a listener of the ${api} events`, `delete${Id}Hub`)
    @ApiNoContentResponse({ description: 'Deleted' })
    @ApiTmfErrors(404)
    async deleteHub(@CurrentCaller() caller: Caller, @Param() p: TmfIdParams): Promise<void> {
      await this.hubs.remove(caller, api, p.id);
    }
  }
  Object.defineProperty(PartyHubController, 'name', { value: `${Id}HubController` });
  return PartyHubController;
}

export const PartyManagementHubController = partyHubController('partyManagement', 'party');
export const CustomerManagementHubController = partyHubController('customerManagement', 'customer');
