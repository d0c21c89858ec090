import { Body, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@gap/auth';
import {
  ApiTmfErrors,
  TmfController,
  TmfFieldsQuery,
  TmfIdParams,
  MERGE_PATCH,
  TMF_PAGE_HEADERS,
  validatedMergePatch,
  withPageHeaders,
} from '@gap/rest';
import { PartnerRoute } from '../rate-limit/partner-route.decorator.js';
import {
  OrganizationCreateBody,
  OrganizationListQuery,
  OrganizationPatchBody,
} from './dto/party.input.js';
import { OrganizationSchema } from './dto/party.schema.js';
import { PartyService } from './party.service.js';
import { organizationHref, TMF632_BASE } from './party.resource.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/** `/tmf-api/partyManagement/v5/organization`: the companies a partner brought, as TMF632. */
@TmfController(TMF632_BASE, 'partyManagement')
export class OrganizationController {
  constructor(private readonly parties: PartyService) {}

  @Get('organization')
  @PartnerRoute('customers:read')
  @op('List or find the partner’s Organization objects (scope customers:read)', 'listOrganization')
  @ApiOkResponse({ type: [OrganizationSchema], headers: TMF_PAGE_HEADERS })
  async listOrganization(
    @CurrentCaller() caller: Caller,
    @Query() query: OrganizationListQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withPageHeaders(res, await this.parties.organizations(caller, query));
  }

  @Get('organization/:id')
  @PartnerRoute('customers:read')
  @op(
    'Retrieves one of the partner’s Organizations by ID (scope customers:read)',
    'retrieveOrganization',
  )
  @ApiOkResponse({ type: OrganizationSchema })
  @ApiTmfErrors(404)
  retrieveOrganization(
    @CurrentCaller() caller: Caller,
    @Param() p: TmfIdParams,
    @Query() q: TmfFieldsQuery,
  ) {
    return this.parties.organization(caller, p.id, q.fields);
  }

  @Post('organization')
  @PartnerRoute('leads:write')
  @op(
    'Brings a company as an Organization (scope leads:write): taken in as a lead; the same company again answers the first',
    'createOrganization',
  )
  @ApiCreatedResponse({ type: OrganizationSchema })
  async createOrganization(
    @CurrentCaller() caller: Caller,
    @Body() body: OrganizationCreateBody,
    @Query() q: TmfFieldsQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const organization = await this.parties.createOrganization(caller, body, q.fields);
    res.setHeader('Location', organizationHref(String(organization.id)));
    return organization;
  }

  @Patch('organization/:id')
  @HttpCode(200)
  @PartnerRoute('leads:write')
  @op(
    'Changes whom to call about one of the partner’s open Organizations (scope leads:write)',
    'patchOrganization',
  )
  @ApiConsumes(MERGE_PATCH, 'application/json')
  @ApiBody({ type: OrganizationPatchBody })
  @ApiOkResponse({ type: OrganizationSchema })
  @ApiTmfErrors(404, 409)
  async patchOrganization(
    @CurrentCaller() caller: Caller,
    @Param() p: TmfIdParams,
    @Query() q: TmfFieldsQuery,
    @Req() req: Request,
  ) {
    const patch = await validatedMergePatch(req, OrganizationPatchBody);
    return this.parties.patchOrganization(caller, p.id, patch, q.fields);
  }

  @Delete('organization/:id')
  @HttpCode(204)
  @PartnerRoute('leads:write')
  @op(
    'Withdraws one of the partner’s open Organizations: its lead is lost as withdrawn (scope leads:write)',
    'deleteOrganization',
  )
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiTmfErrors(404, 409)
  async deleteOrganization(@CurrentCaller() caller: Caller, @Param() p: TmfIdParams) {
    await this.parties.deleteOrganization(caller, p.id);
  }
}
