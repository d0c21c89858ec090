import { Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, type Caller } from '@gap/auth';
import {
  ApiTmfErrors,
  TmfController,
  TmfFieldsQuery,
  TmfIdParams,
  TMF_PAGE_HEADERS,
  withPageHeaders,
} from '@gap/rest';
import { PartnerRoute } from '../rate-limit/partner-route.decorator.js';
import { CustomerListQuery } from './dto/party.input.js';
import { CustomerSchema } from './dto/party.schema.js';
import { PartyService } from './party.service.js';
import { TMF629_BASE } from './party.resource.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/**
 * `/tmf-api/customerManagement/v5/customer`: the partner's companies that a manager took on,
 * as TMF629. Read only: a partner brings a company as an organization (TMF632) or a lead.
 */
@TmfController(TMF629_BASE, 'customerManagement')
export class CustomerController {
  constructor(private readonly parties: PartyService) {}

  @Get('customer')
  @PartnerRoute('customers:read')
  @op('List or find the partner’s Customer objects (scope customers:read)', 'listCustomer')
  @ApiOkResponse({ type: [CustomerSchema], headers: TMF_PAGE_HEADERS })
  async listCustomer(
    @CurrentCaller() caller: Caller,
    @Query() query: CustomerListQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withPageHeaders(res, await this.parties.customers(caller, query));
  }

  @Get('customer/:id')
  @PartnerRoute('customers:read')
  @op('Retrieves one of the partner’s Customers by ID (scope customers:read)', 'retrieveCustomer')
  @ApiOkResponse({ type: CustomerSchema })
  @ApiTmfErrors(404)
  retrieveCustomer(
    @CurrentCaller() caller: Caller,
    @Param() p: TmfIdParams,
    @Query() q: TmfFieldsQuery,
  ) {
    return this.parties.customer(caller, p.id, q.fields);
  }
}
