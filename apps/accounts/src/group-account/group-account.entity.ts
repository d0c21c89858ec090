import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GroupAccountStatus, GroupAccountType, IndustryCode } from '@gap/accounts/domain';

@Entity({ name: 'group_account' })
export class GroupAccountEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') accountCode!: string;
  @Column('text') name!: string;
  @Column('char', { length: 18 }) creditCode!: string;
  @Column('text') type!: GroupAccountType;
  @Column('text') industryCode!: IndustryCode;
  @Column('char', { length: 6 }) regionCode!: string;
  @Column('text') status!: GroupAccountStatus;
  @Column('text') createdBy!: string;
  // Set by the service with millisecond precision: it is also the paging key.
  @Column('timestamptz') createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
