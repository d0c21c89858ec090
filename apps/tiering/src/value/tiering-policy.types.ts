import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { BoundsRule, FenAsYuanRule, MoneyField, TextRules } from '@gap/graphql';

/*
 * Money in a policy is kept in yuan (as the value model computes) and spoken in fen on the
 * graph: MoneyField converts what goes out, FenAsYuanRule what comes in. Shares and rates
 * stay Float. The bounds below are checkPolicy's, applied at the edge too so that an absurd
 * number is refused before any service code runs; the domain keeps its own for imports.
 */
const SHARE = { min: 0, max: 1 };

@ObjectType('RetentionPolicy')
@InputType('RetentionPolicyInput')
export class RetentionPolicy {
  @Field(() => Float, { description: 'Yearly retention before tenure and complaints.' })
  @IsNumber()
  @BoundsRule(SHARE)
  base!: number;
  @Field(() => Float, { description: '0 to 0.2.' })
  @IsNumber()
  @BoundsRule({ min: 0, max: 0.2 })
  perTenureYear!: number;
  @Field(() => Float, { description: '0 to 0.5.' })
  @IsNumber()
  @BoundsRule({ min: 0, max: 0.5 })
  perComplaint!: number;
  @Field(() => Float) @IsNumber() @BoundsRule(SHARE) min!: number;
  @Field(() => Float) @IsNumber() @BoundsRule(SHARE) max!: number;
}

@ObjectType('IndustryWallet')
@InputType('IndustryWalletInput')
export class IndustryWallet {
  @Field() @IsString() @TextRules({ maxLength: 1 }) industryCode!: string;
  @MoneyField({ holds: 'yuan', description: 'Yearly telecom spend per employee, in fen.' })
  @FenAsYuanRule()
  perEmployee!: number;
}

@ObjectType('SegmentThresholds')
@InputType('SegmentThresholdsInput')
export class SegmentThresholds {
  @MoneyField({ holds: 'yuan', description: 'Current value (fen) from which a segment is high.' })
  @FenAsYuanRule()
  current!: number;
  @MoneyField({ holds: 'yuan', description: 'Potential value (fen) from which it is high.' })
  @FenAsYuanRule()
  potential!: number;
}

@ObjectType('TierCutoffs')
@InputType('TierCutoffsInput')
export class TierCutoffs {
  @Field(() => Float, { description: 'Share of cumulative value in A, e.g. 0.8.' })
  @IsNumber()
  @BoundsRule(SHARE)
  A!: number;
  @Field(() => Float) @IsNumber() @BoundsRule(SHARE) B!: number;
  @Field(() => Float) @IsNumber() @BoundsRule(SHARE) C!: number;
}

@ObjectType('GroupFloor')
@InputType('GroupFloorInput')
export class GroupFloor {
  @Field(() => String, { nullable: true, description: 'Least tier of members of an A group.' })
  @IsOptional()
  @TextRules({ maxLength: 1 })
  @IsIn(['B', 'C'])
  A!: 'B' | 'C' | null;
  @Field(() => String, { nullable: true, description: 'Least tier of members of a B group.' })
  @IsOptional()
  @TextRules({ maxLength: 1 })
  @IsIn(['C'])
  B!: 'C' | null;
}

@ObjectType('ScoreWeights')
@InputType('ScoreWeightsInput')
export class ScoreWeights {
  @Field(() => Float, { description: 'Weight of current value (trailing margin), 0 to 1.' })
  @IsNumber()
  @BoundsRule(SHARE)
  current!: number;
  @Field(() => Float, {
    description: 'Weight of potential value (wallet not won, cluster), 0 to 1.',
  })
  @IsNumber()
  @BoundsRule(SHARE)
  potential!: number;
  @Field(() => Float, {
    description: 'Weight of lifetime value (discounted future margin), 0 to 1.',
  })
  @IsNumber()
  @BoundsRule(SHARE)
  lifetime!: number;
}

@ObjectType('TieringPolicy', { description: 'Every parameter of the value model, versioned.' })
export class TieringPolicyType {
  @Field() version!: string;
  @Field() isCurrent!: boolean;
  @Field(() => Int) horizonYears!: number;
  @Field(() => Float) discountRate!: number;
  @Field(() => RetentionPolicy) retention!: RetentionPolicy;
  @Field(() => [IndustryWallet]) walletPerEmployee!: IndustryWallet[];
  @MoneyField({ holds: 'yuan', description: 'Yearly spend per employee elsewhere, in fen.' })
  defaultWalletPerEmployee!: number;
  @MoneyField({ holds: 'yuan', description: 'Yearly spend one line could make, in fen.' })
  walletPerLine!: number;
  @Field(() => Float) clusterLeaderShare!: number;
  @Field(() => ScoreWeights, { description: 'How the score weighs each face of value.' })
  scoreWeights!: ScoreWeights;
  @Field(() => SegmentThresholds) segmentThresholds!: SegmentThresholds;
  @Field(() => TierCutoffs) cutoffs!: TierCutoffs;
  @Field(() => Float) hysteresisMargin!: number;
  @Field(() => GroupFloor) groupFloor!: GroupFloor;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
}

@InputType({ description: 'A new policy version; versions are never edited, only superseded.' })
export class CreateTieringPolicyInput {
  @Field({ description: 'Letters, digits, dots, dashes or underscores; up to 40.' })
  @IsString()
  @TextRules({ maxLength: 40 })
  version!: string;
  @Field(() => Int, { description: '1 to 30 years.' })
  @IsInt()
  @BoundsRule({ min: 1, max: 30, integer: true })
  horizonYears!: number;
  @Field(() => Float, { description: '0 to 0.5.' })
  @IsNumber()
  @BoundsRule({ min: 0, max: 0.5 })
  discountRate!: number;
  @Field(() => RetentionPolicy)
  @ValidateNested()
  @Type(() => RetentionPolicy)
  retention!: RetentionPolicy;
  @Field(() => [IndustryWallet], { description: 'One per industry section (at most 30).' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => IndustryWallet)
  walletPerEmployee!: IndustryWallet[];
  @MoneyField({ holds: 'yuan', description: 'Yearly spend per employee elsewhere, in fen.' })
  @FenAsYuanRule()
  defaultWalletPerEmployee!: number;
  @MoneyField({
    holds: 'yuan',
    nullable: true,
    description: 'Yearly spend one line could make, in fen (default: the current defaults).',
  })
  @IsOptional()
  @FenAsYuanRule()
  walletPerLine?: number | null;
  @Field(() => Float) @IsNumber() @BoundsRule(SHARE) clusterLeaderShare!: number;
  @Field(() => ScoreWeights, {
    nullable: true,
    description: 'How the score weighs each face of value (default: the current defaults).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScoreWeights)
  scoreWeights?: ScoreWeights | null;
  @Field(() => SegmentThresholds)
  @ValidateNested()
  @Type(() => SegmentThresholds)
  segmentThresholds!: SegmentThresholds;
  @Field(() => TierCutoffs) @ValidateNested() @Type(() => TierCutoffs) cutoffs!: TierCutoffs;
  @Field(() => Float, { description: '0 to 0.2.' })
  @IsNumber()
  @BoundsRule({ min: 0, max: 0.2 })
  hysteresisMargin!: number;
  @Field(() => GroupFloor) @ValidateNested() @Type(() => GroupFloor) groupFloor!: GroupFloor;
  @Field(() => Boolean, { defaultValue: true, description: 'Use it from the next run on.' })
  @IsBoolean()
  makeCurrent: boolean = true;
}
