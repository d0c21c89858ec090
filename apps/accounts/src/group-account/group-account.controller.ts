import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import { ApiProblems, pageOf, PageQuery, RestController, type Page } from '@gap/rest';
import {
  GroupAccountIdParams,
  GroupAccountPage,
  GroupAccountResource,
  toGroupAccountResource,
} from './dto/group-account.resource.js';
import { FindGroupAccountsService } from './find-group-accounts.service.js';

/** `/api/v1/accounts`: group accounts over REST, the same service and visibility as the graph. */
@RestController('accounts')
export class GroupAccountController {
  constructor(private readonly accounts: FindGroupAccountsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listGroupAccounts',
    summary: 'The group accounts the caller may see, by name, a page at a time.',
  })
  @ApiOkResponse({ type: GroupAccountPage, description: 'A page of accounts.' })
  async listGroupAccounts(
    @CurrentCaller() caller: Caller,
    @Query() page: PageQuery,
  ): Promise<Page<GroupAccountResource>> {
    return pageOf(
      await this.accounts.search(caller, page, 'rest.listGroupAccounts'),
      toGroupAccountResource,
    );
  }

  @Get(':id')
  @ApiOperation({
    operationId: 'getGroupAccount',
    summary: 'One group account, if the caller may see it.',
  })
  @ApiOkResponse({ type: GroupAccountResource, description: 'The account.' })
  @ApiProblems(404)
  async getGroupAccount(
    @CurrentCaller() caller: Caller,
    @Param() params: GroupAccountIdParams,
  ): Promise<GroupAccountResource> {
    return toGroupAccountResource(
      await this.accounts.get(caller, params.id, 'rest.getGroupAccount'),
    );
  }
}
