import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Matches } from 'class-validator';
import { CalendarDateRule, EmployeeNumberRule, TextRules, UuidRule } from '@gap/graphql';
import { TierEnum } from '../policy/grade-tier.enums.js';

@InputType({ description: 'Which accounts a rebalance may move. Empty: the whole book.' })
export class RebalanceScopeInput {
  @Field(() => [ID], {
    nullable: true,
    description: 'Only the accounts of these managers (a team, a reorganised unit).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @EmployeeNumberRule({ each: true })
  managerIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only accounts in this division: a province (35), a city (3502) or a district.',
  })
  @IsOptional()
  @TextRules({ maxLength: 6 })
  @Matches(/^\d{2}(\d{2}){0,2}$/)
  regionPrefix?: string | null;

  @Field({
    defaultValue: false,
    description:
      'Only accounts whose manager’s grade may not own their tier, and those without a manager.',
  })
  @IsBoolean()
  misfitOnly!: boolean;
}

@ObjectType('RebalanceMove')
export class RebalanceMoveType {
  @Field(() => ID) groupAccountId!: string;
  @Field(() => TierEnum) tier!: string;
  @Field(() => ID, { nullable: true }) fromManagerId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Null: nobody may take it.' })
  toManagerId!: string | null;
  @Field(() => Int) cost!: number;
}

@ObjectType('RebalanceManagerLoad')
export class RebalanceLoadType {
  @Field(() => ID) managerId!: string;
  @Field(() => Int) before!: number;
  @Field(() => Int) after!: number;
  @Field(() => Int) maxLoad!: number;
}

@ObjectType('Rebalance', {
  description:
    'A bulk rebalance: the optimiser’s moves under capacity limits, previewed, then applied as handovers.',
})
export class RebalanceType {
  @Field(() => ID) id!: string;
  @Field() policyVersion!: string;
  @Field(() => Int, { description: 'Accounts it considered.' }) accounts!: number;
  @Field(() => Int) moves!: number;
  @Field(() => Int, { description: 'Accounts nobody may take.' }) unassigned!: number;
  @Field(() => Float, { description: 'Mismatch and move costs, and penalties for the unassigned.' })
  totalCost!: number;
  @Field(() => Float, { description: 'No plan can cost less (the LP relaxation).' })
  lowerBound!: number;
  @Field(() => Float, { nullable: true, description: 'Highest over lowest load, in points.' })
  loadSpread!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Lowest load share (load ÷ most they may carry) among active managers after.',
  })
  loadShareMin!: number | null;
  @Field(() => Float, { nullable: true, description: 'Highest load share after.' })
  loadShareMax!: number | null;
  @Field() requestedBy!: string;
  @Field() requestedAt!: Date;
  @Field(() => Date, { nullable: true }) appliedAt!: Date | null;
  @Field(() => String, { nullable: true }) appliedBy!: string | null;
  @Field(() => Int, { description: 'Milliseconds the optimiser took.' }) planMs!: number;
  @Field(() => [RebalanceMoveType], { description: 'The moves, costliest first (at most 200).' })
  movesSample!: RebalanceMoveType[];
  @Field(() => [RebalanceLoadType], { description: 'Managers whose load changes.' })
  loads!: RebalanceLoadType[];
}

@InputType()
export class ApplyRebalanceInput {
  @Field(() => ID) @UuidRule() rebalanceId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The day the handovers should be complete by; 14 days from today if left out.',
  })
  @IsOptional()
  @IsString()
  @CalendarDateRule()
  dueOn?: string | null;
}

@ObjectType('RebalanceApplied')
export class RebalanceAppliedType {
  @Field(() => ID) rebalanceId!: string;
  @Field(() => Int, { description: 'Handovers planned (REBALANCE).' }) handovers!: number;
  @Field(() => Int, { description: 'Accounts without a manager given one at once.' })
  assigned!: number;
  @Field(() => Int, { description: 'Accounts listed as unassignable.' }) unassignable!: number;
  @Field(() => Int, {
    description: 'Moves skipped: the account changed hands, tier or entered a handover since.',
  })
  skipped!: number;
}
