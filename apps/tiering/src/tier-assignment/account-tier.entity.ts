import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';
import type { Tier } from '@gap/tiering/domain';

/** The tier in force for a group account (history and runs come with the value model). */
@Entity({ name: 'account_tier' })
export class AccountTierEntity {
  @PrimaryColumn('uuid') groupAccountId!: string;
  @Column('char', { length: 1 }) tier!: Tier;
  @Column('text') reason!: string;
  @Column('text') policyVersion!: string;
  @Column('timestamptz') effectiveFrom!: Date;
  @VersionColumn() version!: number;
}
