import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { BundlesPolicy } from '@gap/bundles/domain';
import { VersionedPolicyRepository } from '@gap/policy';
import { BUNDLES_SCHEMA } from '../migrations/index.js';

const LABEL = { 'zh-CN': '套餐策略', en: 'bundles policy' } as const;

/** The bundles policy's versions (bundles.bundles_policy), in the shared versioned store. */
@Injectable()
export class BundlesPolicyRepository {
  private readonly store: VersionedPolicyRepository<BundlesPolicy>;

  constructor(dataSource: DataSource) {
    this.store = new VersionedPolicyRepository<BundlesPolicy>(
      dataSource,
      BUNDLES_SCHEMA,
      'bundles_policy',
      LABEL,
    );
  }

  current(manager?: EntityManager): Promise<BundlesPolicy> {
    return this.store.current(manager);
  }
}
