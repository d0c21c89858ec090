import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { MAX_QUANTITY, PROPOSAL_STATES } from '@gap/bundles/domain';
import { BoundsRule, TextRules, UuidRule } from '@gap/graphql';
import type { ProposalType } from '../proposal.types.js';
import { MAX_MANUAL_FEN } from './proposal.input.js';

const CODE = { maxLength: 40 };

export class ProposalIdParams {
  @ApiProperty({ format: 'uuid' }) @UuidRule() id!: string;
}

@ApiSchema({ name: 'BundleAttributeValue' })
export class AttributeBody {
  @ApiProperty({ example: 'bandwidthMbps' }) @TextRules({ maxLength: 40 }) name!: string;
  @ApiProperty({ example: '200', description: 'Digits for an integer attribute.' })
  @TextRules({ maxLength: 40 })
  value!: string;
}

@ApiSchema({ name: 'BundleConfigurationLine' })
export class LineBody {
  @ApiProperty({ example: 'DIA' }) @TextRules(CODE) productCode!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_QUANTITY, example: 2 })
  @BoundsRule({ min: 1, max: MAX_QUANTITY, integer: true })
  quantity!: number;
  @ApiPropertyOptional({ type: [AttributeBody], default: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttributeBody)
  attributes: AttributeBody[] = [];
}

@ApiSchema({
  name: 'BundleManualDiscount',
  description: 'A share (percentBp) or amounts in fen, not both.',
})
export class ManualDiscountBody {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10_000 })
  @IsOptional()
  @BoundsRule({ min: 0, max: 10_000, integer: true })
  percentBp?: number | null;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_MANUAL_FEN })
  @IsOptional()
  @BoundsRule({ min: 0, max: MAX_MANUAL_FEN, integer: true })
  monthlyFen?: number | null;
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_MANUAL_FEN })
  @IsOptional()
  @BoundsRule({ min: 0, max: MAX_MANUAL_FEN, integer: true })
  oneTimeFen?: number | null;
}

@ApiSchema({ name: 'DraftBundleProposal' })
export class DraftBody {
  @ApiProperty({ format: 'uuid' }) @UuidRule() groupAccountId!: string;
  @ApiProperty({ example: 'SME_BUSINESS' }) @TextRules(CODE) templateCode!: string;
  @ApiProperty({ type: [LineBody] })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineBody)
  lines!: LineBody[];
  @ApiPropertyOptional({ type: ManualDiscountBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => ManualDiscountBody)
  manualDiscount?: ManualDiscountBody | null;
}

@ApiSchema({ name: 'BundleProposalVersion' })
export class VersionBody {
  @ApiPropertyOptional({ type: 'integer', description: 'The version read; a stale one conflicts.' })
  @IsOptional()
  @BoundsRule({ min: 1, max: 2_000_000_000, integer: true })
  version?: number | null;
}

@ApiSchema({ name: 'RejectBundleProposal' })
export class RejectBody extends VersionBody {
  @ApiProperty({ maxLength: 1000, example: '折扣超出区域授权，请调整后重新提交。' })
  @TextRules({ maxLength: 1000, multiline: true })
  comment!: string;
}

@ApiSchema({ name: 'BundleProposalLine' })
export class ProposalLineResource {
  @ApiProperty() productCode!: string;
  @ApiProperty({ type: 'integer' }) productVersion!: number;
  @ApiProperty({ type: 'integer' }) quantity!: number;
  @ApiProperty({ type: [AttributeBody] }) attributes!: AttributeBody[];
  @ApiProperty({ description: 'Monthly, after discounts, before VAT (fen).', example: '540000' })
  monthlyNetFen!: string;
  @ApiProperty({ description: 'One-time, after discounts, before VAT (fen).' })
  oneTimeNetFen!: string;
}

@ApiSchema({ name: 'BundleProposal', description: 'A quote and where it stands.' })
export class ProposalResource {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'BP-2026-000012' }) reference!: string;
  @ApiProperty({ format: 'uuid' }) groupAccountId!: string;
  @ApiProperty() templateCode!: string;
  @ApiProperty({ type: 'integer' }) templateVersion!: number;
  @ApiProperty({ enum: PROPOSAL_STATES, enumName: 'BundleProposalState' }) state!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() authorId!: string;
  @ApiProperty() tier!: string;
  @ApiProperty({ type: [ProposalLineResource] }) lines!: ProposalLineResource[];
  @ApiProperty({ description: 'Monthly recurring net (fen).' }) monthlyNetFen!: string;
  @ApiProperty({ description: 'Monthly recurring with VAT (fen).' }) monthlyGrossFen!: string;
  @ApiProperty({ description: 'One-time net (fen).' }) oneTimeNetFen!: string;
  @ApiProperty({ type: 'integer' }) discountDepthBp!: number;
  @ApiProperty({ type: [String] }) chain!: string[];
  @ApiProperty({ type: 'string', nullable: true }) nextApproverLevel!: string | null;
  @ApiProperty({ type: 'integer' }) approvals!: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) validUntil!: string | null;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export function toProposalResource(p: ProposalType): ProposalResource {
  return {
    id: p.id,
    reference: p.reference,
    groupAccountId: p.groupAccountId,
    templateCode: p.templateCode,
    templateVersion: p.templateVersion,
    state: p.state,
    revision: p.revision,
    authorId: p.authorId,
    tier: p.price.tier,
    lines: p.lines.map((line, i) => ({
      productCode: line.productCode,
      productVersion: line.productVersion,
      quantity: line.quantity,
      attributes: line.attributes,
      monthlyNetFen: String(p.price.lines[i]?.monthly.netFen ?? 0),
      oneTimeNetFen: String(p.price.lines[i]?.oneTime.netFen ?? 0),
    })),
    monthlyNetFen: String(p.price.monthly.netFen),
    monthlyGrossFen: String(p.price.monthly.grossFen),
    oneTimeNetFen: String(p.price.oneTime.netFen),
    discountDepthBp: p.price.discountDepthBp,
    chain: [...p.chain],
    nextApproverLevel: p.nextApproverLevel,
    approvals: p.approvals.length,
    validUntil: p.validUntil ? p.validUntil.toISOString() : null,
    version: p.version,
    updatedAt: p.updatedAt.toISOString(),
  };
}
