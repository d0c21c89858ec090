import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { VersionedPolicyRepository, type StoredPolicy } from '@gap/policy';
import { withLegacyDefaults, type TieringPolicy } from '@gap/tiering/domain';

const LABEL = { 'zh-CN': '客户分级策略', en: 'tiering policy' } as const;

/**
 * Tiering policy versions, in the shared versioned-policy store (table tiering.tiering_policy).
 * Versions stored before a field existed are read with what they meant without it.
 */
@Injectable()
export class TieringPolicyRepository {
  private readonly store: VersionedPolicyRepository<TieringPolicy>;

  constructor(dataSource: DataSource) {
    this.store = new VersionedPolicyRepository<TieringPolicy>(
      dataSource,
      'tiering',
      'tiering_policy',
      LABEL,
    );
  }

  async current(manager?: EntityManager): Promise<TieringPolicy> {
    return withLegacyDefaults(await this.store.current(manager));
  }

  async byVersion(version: string, field = 'policyVersion'): Promise<TieringPolicy> {
    return withLegacyDefaults(await this.store.byVersion(version, field));
  }

  async list(): Promise<StoredPolicy<TieringPolicy>[]> {
    return (await this.store.list()).map((stored) => ({
      ...stored,
      policy: withLegacyDefaults(stored.policy),
    }));
  }

  create(policy: TieringPolicy, makeCurrent: boolean, createdBy: string) {
    return this.store.create(policy, makeCurrent, createdBy);
  }
}
