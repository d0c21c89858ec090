import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { TextRules } from '@gap/graphql';
import { PageType } from '@gap/rest';
import type { DealRecord } from '../deal.repository.js';

@ApiSchema({ name: 'RegisterPartnerDeal', description: 'A claim on a company for a deal.' })
export class RegisterDealBody {
  @ApiProperty({
    description: 'The company’s Unified Social Credit Code (统一社会信用代码).',
    example: '91350100M000100Y43',
  })
  @TextRules({ maxLength: 30 })
  creditCode!: string;
}

@ApiSchema({ name: 'PartnerDeal', description: 'A deal registration and until when it holds.' })
export class DealResource {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() creditCode!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ enum: ['ACTIVE', 'EXPIRED', 'WITHDRAWN'], enumName: 'PartnerDealStatus' })
  status!: string;
}

export const DealPage = PageType(DealResource, 'PartnerDeal');

export function toDealResource(deal: DealRecord): DealResource {
  return {
    id: deal.id,
    creditCode: deal.creditCode,
    registeredAt: deal.registeredAt.toISOString(),
    expiresAt: deal.expiresAt.toISOString(),
    status: deal.status,
  };
}
