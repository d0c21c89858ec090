import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ConnectionType, TextRules, UuidRule } from '@gap/graphql';

@ObjectType('DealRegistration', {
  description: 'A partner’s claim on a company for a deal it works, until it expires.',
})
export class DealRegistrationType {
  @Field(() => ID) id!: string;
  @Field(() => ID) partnerId!: string;
  @Field() creditCode!: string;
  @Field(() => ID, { nullable: true, description: 'The account, once the book knows it.' })
  groupAccountId!: string | null;
  @Field() registeredAt!: Date;
  @Field() expiresAt!: Date;
  @Field({ description: 'ACTIVE, EXPIRED or WITHDRAWN.' }) status!: string;
}

export const DealRegistrationConnection = ConnectionType(DealRegistrationType, 'DealRegistration');

@InputType('DealRegistrationFilterInput')
export class DealRegistrationFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @UuidRule() partnerId?: string | null;
  @Field(() => String, { nullable: true, description: 'A Unified Social Credit Code.' })
  @IsOptional()
  @TextRules({ maxLength: 30 })
  creditCode?: string | null;
}
