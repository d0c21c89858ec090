import { Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@gap/auth';
import { ApiProblems, RestController } from '@gap/rest';
import { AccountQuery, AccountQualificationResource } from './dto/qualification.resource.js';
import { QualificationErrors } from './qualification.errors.js';
import { QualificationService } from './qualification.service.js';

/** `/api/v1/bundles/qualification`: every bundle on sale for one account. */
@RestController('bundles/qualification')
export class QualificationController {
  constructor(private readonly qualification: QualificationService) {}

  @Get()
  @ApiOperation({
    operationId: 'getBundleQualification',
    summary: 'Every bundle on sale for the account: eligible, or every reason why not.',
  })
  @ApiOkResponse({ type: AccountQualificationResource })
  @ApiProblems(404)
  async getBundleQualification(
    @CurrentCaller() caller: Caller,
    @Query() query: AccountQuery,
  ): Promise<AccountQualificationResource> {
    const bundles = await this.qualification.forAccount(
      caller,
      query.accountId,
      'rest.getBundleQualification',
    );
    if (!bundles) throw QualificationErrors.accountNotFound(query.accountId);
    return { groupAccountId: query.accountId, bundles };
  }
}
