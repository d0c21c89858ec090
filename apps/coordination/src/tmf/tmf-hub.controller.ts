import { Body, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import { ApiTmfErrors, TmfController, TmfHubBody, TmfHubSchema, TmfIdParams } from '@gap/rest';
import { hubResource, TmfHubService } from './tmf-hub.service.js';
import { TMF621_BASE } from './trouble-ticket.resource.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/** `/tmf-api/troubleTicket/v5/hub`: listeners of the trouble ticket events. */
@TmfController(TMF621_BASE, 'troubleTicket events subscription')
export class TmfHubController {
  constructor(private readonly hubs: TmfHubService) {}

  @Post('hub')
  @op('Create a subscription (hub) to receive Events', 'createHub')
  @ApiCreatedResponse({ type: TmfHubSchema })
  async createHub(@CurrentCaller() caller: Caller, @Body() body: TmfHubBody) {
    return hubResource(await this.hubs.register(caller, body));
  }

  @Get('hub/:id')
  @op('Retrieve a subscription (hub)', 'hubGet')
  @ApiOkResponse({ type: TmfHubSchema })
  @ApiTmfErrors(404)
  async hubGet(@CurrentCaller() caller: Caller, @Param() p: TmfIdParams) {
    return hubResource(await this.hubs.get(caller, p.id));
  }

  @Delete('hub/:id')
  @HttpCode(204)
  @op('Remove a subscription (hub) to receive Events', 'hubDelete')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiTmfErrors(404)
  async hubDelete(@CurrentCaller() caller: Caller, @Param() p: TmfIdParams): Promise<void> {
    await this.hubs.remove(caller, p.id);
  }
}
