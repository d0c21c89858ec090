import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@gap/graphql';

@ObjectType('Trial', {
  description: 'A bundle or module on trial: ACTIVE until it converts or its end passes (EXPIRED).',
})
export class TrialType {
  @Field(() => ID) id!: string;
  @Field(() => ID) groupAccountId!: string;
  @Field({ description: 'TEMPLATE (a bundle) or PRODUCT (a module alone).' })
  subjectKind!: string;
  @Field() subjectCode!: string;
  @Field(() => Int) subjectVersion!: number;
  @Field({ description: 'The account’s tier at the start: it set the length.' }) tier!: string;
  @Field({ description: 'ACTIVE, CONVERTED or EXPIRED.' }) state!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() startedBy!: string;
  @Field() startedAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => [Int], { description: 'Days before the end a reminder goes out.' })
  reminderDays!: number[];
  @Field(() => Int) remindersSent!: number;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who converted or ended it early.' })
  closedBy!: string | null;
  @Field(() => [ID], { description: 'The subscriptions a conversion started.' })
  subscriptionIds!: string[];
  @Field(() => Int) version!: number;
}

export const TrialConnection = ConnectionType(TrialType, 'Trial');

@ObjectType('TrialConversionRate', {
  description: 'Trials started in the period, of one subject at one tier, and what became of them.',
})
export class TrialConversionRateType {
  @Field() subjectKind!: string;
  @Field() subjectCode!: string;
  @Field() tier!: string;
  @Field(() => Int) started!: number;
  @Field(() => Int) converted!: number;
  @Field(() => Int) expired!: number;
  @Field(() => Int) active!: number;
  @Field(() => Int, { description: 'converted ÷ started, in basis points (rounded down).' })
  conversionBp!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'converted ÷ closed (converted + expired), in bp; null with none closed.',
  })
  closedConversionBp!: number | null;
}
