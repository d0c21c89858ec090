import { Body, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import { ApiProblems, pageOf, PageQuery, RestController, StateChange, type Page } from '@gap/rest';
import { DealPage, DealResource, RegisterDealBody, toDealResource } from './dto/deal.resource.js';
import { DealService } from './deal.service.js';
import { PartnerRoute } from '../rate-limit/partner-route.decorator.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/** `/api/v1/partners/deals`: a partner registers the deals it works and lists its own. */
@RestController('partners/deals')
export class DealController {
  constructor(private readonly deals: DealService) {}

  @Post()
  @PartnerRoute('leads:write')
  @StateChange({ ifMatch: false })
  @op(
    'Registers a deal on a company until the policy’s expiry (scope leads:write); a repeat answers the active one.',
    'registerPartnerDeal',
  )
  @ApiCreatedResponse({ type: DealResource })
  @ApiProblems(403)
  async registerPartnerDeal(@CurrentCaller() caller: Caller, @Body() body: RegisterDealBody) {
    return toDealResource(await this.deals.register(caller, body));
  }

  @Get()
  @PartnerRoute('leads:read')
  @op('The partner’s own deal registrations, newest first (scope leads:read).', 'listPartnerDeals')
  @ApiOkResponse({ type: DealPage })
  @ApiProblems(403)
  async listPartnerDeals(
    @CurrentCaller() caller: Caller,
    @Query() query: PageQuery,
  ): Promise<Page<DealResource>> {
    const page = { first: query.first, after: query.after ?? null };
    return pageOf(await this.deals.ownDeals(caller, page), toDealResource);
  }
}
