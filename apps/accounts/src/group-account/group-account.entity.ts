import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { GroupAccountStatus, GroupAccountType, IndustryCode } from '@gap/accounts/domain';

@Entity({ name: 'group_account' })
export class GroupAccountEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') accountCode!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) legalName!: string | null;
  @Column('char', { length: 18 }) creditCode!: string;
  @Column('text', { nullable: true }) creditCodeOverrideReason!: string | null;
  @Column('text', { nullable: true }) creditCodeOverrideBy!: string | null;
  @Column('text') type!: GroupAccountType;
  @Column('text') industryCode!: IndustryCode;
  @Column('char', { length: 6 }) regionCode!: string;
  @Column('integer', { nullable: true }) employees!: number | null;
  @Column('integer', { nullable: true }) linesCount!: number | null;
  @Column('date', { nullable: true }) foundedOn!: string | null;
  @Column('text', { array: true }) tags!: string[];
  @Column('text') status!: GroupAccountStatus;
  @Column('text', { nullable: true }) statusReason!: string | null;
  /** The account directly above in its group; null for a group's head or a standalone. */
  @Column('uuid', { nullable: true }) parentId!: string | null;
  /** Account codes from the group's head down to this account (ADR 5). */
  @Column('text') path!: string;
  @Column('smallint') depth!: number;
  @Column('text') createdBy!: string;
  @Column('text', { nullable: true }) updatedBy!: string | null;
  // Set by the service with millisecond precision: it is also the paging key.
  @Column('timestamptz') createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}
