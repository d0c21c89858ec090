import { Field, ID, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { ImportFileInput } from '@gap/bulk-import';
import { CalendarDateRule, TextRules, UuidRule } from '@gap/graphql';
import {
  PRESENTATION_CHANNELS,
  PresentationChannelEnum,
  type PresentationChannel,
} from '../adoption.types.js';
import { USAGE_COLUMNS } from '../usage-rows.js';

@InputType('RecordProductPresentedInput', {
  description:
    'A product presented to an account: awareness, one record per account, product and day.',
})
export class RecordProductPresentedInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field({ description: 'A product on sale.' }) @TextRules({ maxLength: 40 }) productCode!: string;
  @Field(() => PresentationChannelEnum) @IsIn(PRESENTATION_CHANNELS) channel!: PresentationChannel;
  @Field({ description: 'YYYY-MM-DD: today (China) or up to a year back.' })
  @CalendarDateRule()
  presentedOn!: string;
  @Field(() => String, { nullable: true, description: 'What the customer said.' })
  @IsOptional()
  @TextRules({ maxLength: 500 })
  note?: string | null;
}

@InputType('ImportBundleUsageInput', {
  description: `Monthly usage per subscription: columns ${USAGE_COLUMNS.join(', ')} (month YYYY-MM; usage in the product's units). The file goes in whole or not at all.`,
})
export class ImportBundleUsageInput extends ImportFileInput {}
