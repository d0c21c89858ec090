import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  GROUP_ACCOUNT_STATUSES,
  GROUP_ACCOUNT_TYPES,
  type GroupAccountStatus,
  type GroupAccountType,
} from '@gap/accounts/domain';
import { UuidRule } from '@gap/graphql';
import { PageType } from '@gap/rest';
import type { GroupAccountEntity } from '../group-account.entity.js';

/** `/accounts/{id}`: the id is checked as a UUID before any query. */
export class GroupAccountIdParams {
  @ApiProperty({ format: 'uuid', description: 'The account’s id.' })
  @UuidRule()
  id!: string;
}

/**
 * A group account as REST gives it: the fields the graph's `GroupAccount` has, no internal
 * ones (its path in the group, who overrode a credit code).
 */
@ApiSchema({
  name: 'GroupAccount',
  description: 'A group customer: enterprise, agency, institution or SME.',
})
export class GroupAccountResource {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Our own account code, e.g. GA00100001.' }) accountCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'string', nullable: true }) legalName!: string | null;
  @ApiProperty({ description: 'The 18-character Unified Social Credit Code.' })
  creditCode!: string;
  @ApiProperty({ enum: GROUP_ACCOUNT_TYPES, enumName: 'GroupAccountType' })
  type!: GroupAccountType;
  @ApiProperty({ description: 'GB/T 4754 section.' }) industryCode!: string;
  @ApiProperty({ description: 'GB/T 2260 division code.' }) regionCode!: string;
  @ApiProperty({ type: 'integer', nullable: true }) employees!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Lines and members on our network.',
  })
  linesCount!: number | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) foundedOn!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: GROUP_ACCOUNT_STATUSES, enumName: 'GroupAccountStatus' })
  status!: GroupAccountStatus;
  @ApiProperty({ type: 'string', nullable: true }) statusReason!: string | null;
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The account above.',
  })
  parentId!: string | null;
  @ApiProperty({ type: 'integer', description: 'Level in its group: 1 for the head.' })
  depth!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ type: 'string', nullable: true }) updatedBy!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: 'integer', description: 'Changes with every update.' }) version!: number;
}

export function toGroupAccountResource(account: GroupAccountEntity): GroupAccountResource {
  return {
    id: account.id,
    accountCode: account.accountCode,
    name: account.name,
    legalName: account.legalName,
    creditCode: account.creditCode,
    type: account.type,
    industryCode: account.industryCode,
    regionCode: account.regionCode,
    employees: account.employees,
    linesCount: account.linesCount,
    foundedOn: account.foundedOn,
    tags: account.tags,
    status: account.status,
    statusReason: account.statusReason,
    parentId: account.parentId,
    depth: account.depth,
    createdBy: account.createdBy,
    updatedBy: account.updatedBy,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
    version: account.version,
  };
}

export const GroupAccountPage = PageType(GroupAccountResource, 'GroupAccount');
