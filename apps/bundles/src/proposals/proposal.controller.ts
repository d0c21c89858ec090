import { Body, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import { ApiProblems, RestController } from '@gap/rest';
import {
  DraftBody,
  ProposalIdParams,
  ProposalResource,
  RejectBody,
  toProposalResource,
  VersionBody,
} from './dto/proposal.resource.js';
import { AccountQuery } from '../qualification/dto/qualification.resource.js';
import { DraftProposalService } from './draft-proposal.service.js';
import { ProposalCommandsService } from './proposal-commands.service.js';
import { ProposalQueriesService } from './proposal-queries.service.js';

const op = (summary: string, operationId: string) => ApiOperation({ operationId, summary });

/** `/api/v1/bundles/proposals`: the same use cases and visibility as the graph. */
@RestController('bundles/proposals')
export class ProposalController {
  constructor(
    private readonly queries: ProposalQueriesService,
    private readonly commands: ProposalCommandsService,
    private readonly drafting: DraftProposalService,
  ) {}

  private async view(caller: Caller, id: string): Promise<ProposalResource> {
    return toProposalResource(await this.queries.byId(caller, id, 'rest.getBundleProposal'));
  }

  @Get()
  @op("An account's proposals, newest first (100 at most).", 'listBundleProposals')
  @ApiOkResponse({ type: [ProposalResource] })
  async listBundleProposals(@CurrentCaller() caller: Caller, @Query() query: AccountQuery) {
    const proposals = await this.queries.ofAccount(
      caller,
      query.accountId,
      'rest.listBundleProposals',
    );
    return proposals.map(toProposalResource);
  }

  @Get(':id')
  @op('One proposal, if the caller may see it.', 'getBundleProposal')
  @ApiOkResponse({ type: ProposalResource })
  @ApiProblems(404)
  getBundleProposal(@CurrentCaller() caller: Caller, @Param() p: ProposalIdParams) {
    return this.view(caller, p.id);
  }

  @Post()
  @op('Drafts a proposal for an account that qualifies.', 'draftBundleProposal')
  @ApiCreatedResponse({ type: ProposalResource })
  @ApiProblems(400, 403, 404, 409)
  async draftBundleProposal(@CurrentCaller() caller: Caller, @Body() body: DraftBody) {
    return this.view(caller, await this.drafting.draft(caller, body, 'rest.draftBundleProposal'));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @op('Submits it; approved at once within policy.', 'submitBundleProposal')
  @ApiOkResponse({ type: ProposalResource })
  @ApiProblems(403, 404, 409)
  async submitBundleProposal(
    @CurrentCaller() caller: Caller,
    @Param() p: ProposalIdParams,
    @Body() body: VersionBody,
  ) {
    const target = { id: p.id, version: body.version };
    return this.view(
      caller,
      await this.commands.submit(caller, target, 'rest.submitBundleProposal'),
    );
  }

  @Post(':id/approve')
  @HttpCode(200)
  @op('The next approver of the chain approves.', 'approveBundleProposal')
  @ApiOkResponse({ type: ProposalResource })
  @ApiProblems(403, 404, 409)
  async approveBundleProposal(
    @CurrentCaller() caller: Caller,
    @Param() p: ProposalIdParams,
    @Body() body: VersionBody,
  ) {
    await this.commands.approve(
      caller,
      { id: p.id, version: body.version },
      'rest.approveBundleProposal',
    );
    return this.view(caller, p.id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @op('The next approver of the chain rejects it, saying why.', 'rejectBundleProposal')
  @ApiOkResponse({ type: ProposalResource })
  @ApiProblems(400, 403, 404, 409)
  async rejectBundleProposal(
    @CurrentCaller() caller: Caller,
    @Param() p: ProposalIdParams,
    @Body() body: RejectBody,
  ) {
    await this.commands.reject(caller, { ...body, id: p.id }, 'rest.rejectBundleProposal');
    return this.view(caller, p.id);
  }

  @Post(':id/send')
  @HttpCode(200)
  @op('Sends it to the customer, valid for the policy’s days.', 'sendBundleProposal')
  @ApiOkResponse({ type: ProposalResource })
  @ApiProblems(403, 404, 409)
  async sendBundleProposal(
    @CurrentCaller() caller: Caller,
    @Param() p: ProposalIdParams,
    @Body() body: VersionBody,
  ) {
    const target = { id: p.id, version: body.version };
    return this.view(caller, await this.commands.send(caller, target, 'rest.sendBundleProposal'));
  }

  @Post(':id/accept')
  @HttpCode(200)
  @op('The customer accepted: subscriptions start.', 'acceptBundleProposal')
  @ApiOkResponse({ type: ProposalResource })
  @ApiProblems(403, 404, 409)
  async acceptBundleProposal(
    @CurrentCaller() caller: Caller,
    @Param() p: ProposalIdParams,
    @Body() body: VersionBody,
  ) {
    const target = { id: p.id, version: body.version };
    return this.view(
      caller,
      await this.commands.accept(caller, target, 'rest.acceptBundleProposal'),
    );
  }

  @Post(':id/decline')
  @HttpCode(200)
  @op('The customer declined.', 'declineBundleProposal')
  @ApiOkResponse({ type: ProposalResource })
  @ApiProblems(403, 404, 409)
  async declineBundleProposal(
    @CurrentCaller() caller: Caller,
    @Param() p: ProposalIdParams,
    @Body() body: VersionBody,
  ) {
    const target = { id: p.id, version: body.version };
    return this.view(
      caller,
      await this.commands.decline(caller, target, 'rest.declineBundleProposal'),
    );
  }
}
