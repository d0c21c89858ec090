import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { withPolicyDefaults, type ManagerPolicy } from '@gap/managers/domain';
import { VersionedPolicyRepository, type StoredPolicy } from '@gap/policy';
import { MANAGERS_SCHEMA } from '../migrations/index.js';

const LABEL = { 'zh-CN': '客户经理策略', en: 'manager policy' } as const;

/**
 * The manager policy's versions, in the shared versioned-policy store (same table as before:
 * managers.manager_policy). Versions written before a section existed read with its defaults.
 */
@Injectable()
export class ManagerPolicyRepository {
  private readonly store: VersionedPolicyRepository<ManagerPolicy>;

  constructor(dataSource: DataSource) {
    this.store = new VersionedPolicyRepository<ManagerPolicy>(
      dataSource,
      MANAGERS_SCHEMA,
      'manager_policy',
      LABEL,
    );
  }

  async current(manager?: EntityManager): Promise<ManagerPolicy> {
    return withPolicyDefaults(await this.store.current(manager));
  }

  async list(): Promise<StoredPolicy<ManagerPolicy>[]> {
    return (await this.store.list()).map((stored) => ({
      ...stored,
      policy: withPolicyDefaults(stored.policy),
    }));
  }

  create(
    policy: ManagerPolicy,
    makeCurrent: boolean,
    createdBy: string,
  ): Promise<StoredPolicy<ManagerPolicy>> {
    return this.store.create(policy, makeCurrent, createdBy);
  }
}
