import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '@gap/auth';
import { PageSizeArg, TextArg } from '@gap/graphql';
import { QualificationService } from './qualification.service.js';
import { TemplateQualificationType } from './qualification.types.js';

@Resolver()
export class QualificationResolver {
  constructor(private readonly qualification: QualificationService) {}

  @Query(() => TemplateQualificationType, {
    description:
      'Qualifies a template over the whole book: the eligible accounts, by tier and city.',
  })
  templateQualification(
    @CurrentCaller() caller: Caller,
    @TextArg('code', { maxLength: 40 }) code: string,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
    @PageSizeArg('first', 20, { what: 'account ids' }) first: number,
  ) {
    return this.qualification.forTemplate(caller, code, version ?? null, first);
  }
}
