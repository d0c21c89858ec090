import { Body, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import {
  ApiProblems,
  ETAG_HEADER,
  pageOf,
  RestController,
  StateChange,
  WithEntityTag,
  type Page,
} from '@gap/rest';
import {
  LeadIdParams,
  LeadListQuery,
  LeadPage,
  LeadResource,
  SubmitLeadBody,
  toLeadResource,
} from './dto/lead.resource.js';
import { LeadIntakeService } from './lead-intake.service.js';
import { LeadQueriesService } from './lead-queries.service.js';
import { PartnerRoute } from '../rate-limit/partner-route.decorator.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/**
 * `/api/v1/partners/leads`: a partner submits leads and referrals and follows its own; another
 * partner's lead is not found (404), never forbidden. Submitting takes an `Idempotency-Key`.
 */
@RestController('partners/leads')
export class LeadController {
  constructor(
    private readonly intake: LeadIntakeService,
    private readonly queries: LeadQueriesService,
  ) {}

  @Post()
  @PartnerRoute('leads:write')
  @StateChange({ ifMatch: false })
  @op(
    'Submits a lead or a referral (scope leads:write); a repeat for the same company or reference answers the first.',
    'submitPartnerLead',
  )
  @ApiCreatedResponse({ type: LeadResource, headers: ETAG_HEADER })
  @ApiProblems(403)
  async submitPartnerLead(@CurrentCaller() caller: Caller, @Body() body: SubmitLeadBody) {
    return toLeadResource(await this.intake.submit(caller, body));
  }

  @Get()
  @PartnerRoute('leads:read')
  @op('The partner’s own leads, newest first (scope leads:read).', 'listPartnerLeads')
  @ApiOkResponse({ type: LeadPage })
  @ApiProblems(403)
  async listPartnerLeads(
    @CurrentCaller() caller: Caller,
    @Query() query: LeadListQuery,
  ): Promise<Page<LeadResource>> {
    const states = query.state === undefined ? null : [query.state].flat();
    const page = { first: query.first, after: query.after ?? null };
    return pageOf(await this.queries.ownLeads(caller, states, page), toLeadResource);
  }

  @Get(':id')
  @PartnerRoute('leads:read')
  @WithEntityTag()
  @op('One of the partner’s own leads and its status (scope leads:read).', 'getPartnerLead')
  @ApiOkResponse({ type: LeadResource, headers: ETAG_HEADER })
  @ApiProblems(403, 404)
  async getPartnerLead(@CurrentCaller() caller: Caller, @Param() p: LeadIdParams) {
    return toLeadResource(await this.queries.ownLead(caller, p.id));
  }
}
