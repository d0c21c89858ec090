import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';

@ObjectType('RetentionPolicy')
@InputType('RetentionPolicyInput')
export class RetentionPolicy {
  @Field(() => Float, { description: 'Yearly retention before tenure and complaints.' })
  @IsNumber()
  base!: number;
  @Field(() => Float) @IsNumber() perTenureYear!: number;
  @Field(() => Float) @IsNumber() perComplaint!: number;
  @Field(() => Float) @IsNumber() min!: number;
  @Field(() => Float) @IsNumber() max!: number;
}

@ObjectType('IndustryWallet')
@InputType('IndustryWalletInput')
export class IndustryWallet {
  @Field() @IsString() industryCode!: string;
  @Field(() => Float, { description: 'Yearly telecom spend per employee, yuan.' })
  @IsNumber()
  perEmployee!: number;
}

@ObjectType('SegmentThresholds')
@InputType('SegmentThresholdsInput')
export class SegmentThresholds {
  @Field(() => Float) @IsNumber() current!: number;
  @Field(() => Float) @IsNumber() potential!: number;
}

@ObjectType('TierCutoffs')
@InputType('TierCutoffsInput')
export class TierCutoffs {
  @Field(() => Float, { description: 'Share of cumulative value in A, e.g. 0.8.' })
  @IsNumber()
  A!: number;
  @Field(() => Float) @IsNumber() B!: number;
  @Field(() => Float) @IsNumber() C!: number;
}

@ObjectType('GroupFloor')
@InputType('GroupFloorInput')
export class GroupFloor {
  @Field(() => String, { nullable: true, description: 'Least tier of members of an A group.' })
  @IsOptional()
  @IsIn(['B', 'C'])
  A!: 'B' | 'C' | null;
  @Field(() => String, { nullable: true, description: 'Least tier of members of a B group.' })
  @IsOptional()
  @IsIn(['C'])
  B!: 'C' | null;
}

@ObjectType('TieringPolicy', { description: 'Every parameter of the value model, versioned.' })
export class TieringPolicyType {
  @Field() version!: string;
  @Field() isCurrent!: boolean;
  @Field(() => Int) horizonYears!: number;
  @Field(() => Float) discountRate!: number;
  @Field(() => RetentionPolicy) retention!: RetentionPolicy;
  @Field(() => [IndustryWallet]) walletPerEmployee!: IndustryWallet[];
  @Field(() => Float) defaultWalletPerEmployee!: number;
  @Field(() => Float) clusterLeaderShare!: number;
  @Field(() => SegmentThresholds) segmentThresholds!: SegmentThresholds;
  @Field(() => TierCutoffs) cutoffs!: TierCutoffs;
  @Field(() => Float) hysteresisMargin!: number;
  @Field(() => GroupFloor) groupFloor!: GroupFloor;
  @Field() createdBy!: string;
  @Field() createdAt!: Date;
}

@InputType({ description: 'A new policy version; versions are never edited, only superseded.' })
export class CreateTieringPolicyInput {
  @Field() @IsString() version!: string;
  @Field(() => Int) @IsInt() horizonYears!: number;
  @Field(() => Float) @IsNumber() discountRate!: number;
  @Field(() => RetentionPolicy)
  @ValidateNested()
  @Type(() => RetentionPolicy)
  retention!: RetentionPolicy;
  @Field(() => [IndustryWallet])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IndustryWallet)
  walletPerEmployee!: IndustryWallet[];
  @Field(() => Float) @IsNumber() defaultWalletPerEmployee!: number;
  @Field(() => Float) @IsNumber() clusterLeaderShare!: number;
  @Field(() => SegmentThresholds)
  @ValidateNested()
  @Type(() => SegmentThresholds)
  segmentThresholds!: SegmentThresholds;
  @Field(() => TierCutoffs) @ValidateNested() @Type(() => TierCutoffs) cutoffs!: TierCutoffs;
  @Field(() => Float) @IsNumber() hysteresisMargin!: number;
  @Field(() => GroupFloor) @ValidateNested() @Type(() => GroupFloor) groupFloor!: GroupFloor;
  @Field(() => Boolean, { defaultValue: true, description: 'Use it from the next run on.' })
  @IsBoolean()
  makeCurrent: boolean = true;
}
