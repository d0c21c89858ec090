import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { TRIAL_STATES } from '@gap/bundles/domain';
import { BoundsRule, TextRules, UuidRule } from '@gap/graphql';
import { ConfigurationLineInput } from '../../proposals/dto/proposal.input.js';

const CODE = { maxLength: 40 };
const VERSION = { min: 1, max: 2_000_000_000, integer: true };

@InputType('StartTrialInput', {
  description: 'A bundle template or a module (product) on trial: name one of them.',
})
export class StartTrialInput {
  @Field(() => ID) @UuidRule() groupAccountId!: string;
  @Field(() => String, { nullable: true, description: 'A bundle template on sale.' })
  @IsOptional()
  @TextRules(CODE)
  templateCode?: string | null;
  @Field(() => String, { nullable: true, description: 'A product on sale, tried alone.' })
  @IsOptional()
  @TextRules(CODE)
  productCode?: string | null;
  @Field(() => String, { nullable: true, description: 'What the customer wants to find out.' })
  @IsOptional()
  @TextRules({ maxLength: 500 })
  note?: string | null;
}

@InputType('TrialTarget')
export class TrialTargetInput {
  @Field(() => ID) @UuidRule() id!: string;
  @Field(() => Int, { nullable: true, description: 'The version read; a stale one conflicts.' })
  @IsOptional()
  @BoundsRule(VERSION)
  version?: number | null;
}

@InputType('ConvertTrialInput', {
  description: 'What the customer keeps: lines checked against the trial’s bundle, priced now.',
})
export class ConvertTrialInput extends TrialTargetInput {
  @Field(() => [ConfigurationLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ConfigurationLineInput)
  lines!: ConfigurationLineInput[];
}

@InputType('TrialFilter')
export class TrialFilterInput {
  @Field(() => String, { nullable: true, description: 'ACTIVE, CONVERTED or EXPIRED.' })
  @IsOptional()
  @IsIn(TRIAL_STATES)
  status?: (typeof TRIAL_STATES)[number] | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @UuidRule() groupAccountId?: string | null;
}
