import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PartnerPerformance', {
  description:
    'What a partner’s leads became over a window: how many, how many were worth working, how many became business, and how fast managers first reached them.',
})
export class PartnerPerformanceType {
  @Field({ description: 'The window’s first day, YYYY-MM-DD (China Standard Time).' })
  since!: string;
  @Field(() => Int) leads!: number;
  @Field(() => Int, { description: 'Its own second submissions of a company.' })
  duplicates!: number;
  @Field(() => Int, { description: 'Leads that met a manager’s account or another partner.' })
  inConflict!: number;
  @Field(() => Int, { description: 'Leads worth working: qualified, then assigned or further.' })
  qualified!: number;
  @Field(() => Float, { nullable: true, description: 'qualified ÷ leads, 0 to 1.' })
  qualifiedShare!: number | null;
  @Field(() => Int) converted!: number;
  @Field(() => Float, { nullable: true, description: 'converted ÷ qualified, 0 to 1.' })
  conversionRate!: number | null;
  @Field(() => Int) lost!: number;
  @Field(() => Int, { description: 'Leads a manager has reached.' }) contacted!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Share of the contacted leads reached within their first-contact target.',
  })
  contactedInTimeShare!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from the assignment to the first contact.',
  })
  medianHoursToFirstContact!: number | null;
}
