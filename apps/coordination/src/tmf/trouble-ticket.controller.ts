import { Body, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
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
import {
  TroubleTicketCreateBody,
  TroubleTicketListQuery,
  TroubleTicketPatchBody,
} from './dto/trouble-ticket.input.js';
import { TroubleTicketSchema } from './dto/trouble-ticket.schema.js';
import { TroubleTicketService } from './trouble-ticket.service.js';
import { TMF621_BASE } from './trouble-ticket.resource.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/** `/tmf-api/troubleTicket/v5/troubleTicket`: complaints and support requests as TMF621. */
@TmfController(TMF621_BASE, 'troubleTicket')
export class TroubleTicketController {
  constructor(private readonly tickets: TroubleTicketService) {}

  @Get('troubleTicket')
  @op('List or find TroubleTicket objects', 'listTroubleTicket')
  @ApiOkResponse({ type: [TroubleTicketSchema], headers: TMF_PAGE_HEADERS })
  async listTroubleTicket(
    @CurrentCaller() caller: Caller,
    @Query() query: TroubleTicketListQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return withPageHeaders(res, await this.tickets.list(caller, query));
  }

  @Get('troubleTicket/:id')
  @op('Retrieves a TroubleTicket by ID', 'retrieveTroubleTicket')
  @ApiOkResponse({ type: TroubleTicketSchema })
  @ApiTmfErrors(404)
  retrieveTroubleTicket(
    @CurrentCaller() caller: Caller,
    @Param() p: TmfIdParams,
    @Query() q: TmfFieldsQuery,
  ) {
    return this.tickets.get(caller, p.id, q.fields);
  }

  @Post('troubleTicket')
  @op('Creates a TroubleTicket', 'createTroubleTicket')
  @ApiCreatedResponse({ type: TroubleTicketSchema })
  @ApiTmfErrors(404)
  async createTroubleTicket(
    @CurrentCaller() caller: Caller,
    @Body() body: TroubleTicketCreateBody,
    @Query() q: TmfFieldsQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const id = await this.tickets.create(caller, body);
    res.setHeader('Location', `${TMF621_BASE}/troubleTicket/${id}`);
    return this.tickets.get(caller, id, q.fields);
  }

  @Patch('troubleTicket/:id')
  @HttpCode(200)
  @op('Updates partially a TroubleTicket', 'patchTroubleTicket')
  @ApiConsumes(MERGE_PATCH, 'application/json')
  @ApiBody({ type: TroubleTicketPatchBody })
  @ApiOkResponse({ type: TroubleTicketSchema })
  @ApiTmfErrors(404, 409)
  async patchTroubleTicket(
    @CurrentCaller() caller: Caller,
    @Param() p: TmfIdParams,
    @Query() q: TmfFieldsQuery,
    @Req() req: Request,
  ) {
    const body = await validatedMergePatch(req, TroubleTicketPatchBody);
    await this.tickets.patch(caller, p.id, body);
    return this.tickets.get(caller, p.id, q.fields);
  }
}
