import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsIn } from 'class-validator';
import { TextRules, UuidRule } from '@gap/graphql';
import { PARTNER_SCOPES } from '@gap/partners/domain';
import { PartnerScopeEnum } from '../partner-client.types.js';

@InputType('IssuePartnerClientInput')
export class IssuePartnerClientInput {
  @Field({ description: 'The partner the client acts for.' }) @UuidRule() partnerId!: string;
  @Field({ description: 'What the client is for, such as its system; at most 100 characters.' })
  @TextRules({ maxLength: 100 })
  name!: string;
  @Field(() => [PartnerScopeEnum], { description: 'What its tokens may do.' })
  @ArrayNotEmpty()
  @ArrayMaxSize(PARTNER_SCOPES.length)
  @IsIn(PARTNER_SCOPES, { each: true })
  scopes!: string[];
}
