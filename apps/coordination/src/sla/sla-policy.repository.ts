import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { SlaPolicy } from '@gap/coordination/domain';
import { VersionedPolicyRepository, type StoredPolicy } from '@gap/policy';
import { COORDINATION_SCHEMA } from '../migrations/index.js';

const LABEL = { 'zh-CN': 'SLA 策略', en: 'SLA policy' } as const;

/** The SLA policy's versions (coordination.sla_policy), in the shared versioned-policy store. */
@Injectable()
export class SlaPolicyRepository {
  private readonly store: VersionedPolicyRepository<SlaPolicy>;

  constructor(dataSource: DataSource) {
    this.store = new VersionedPolicyRepository<SlaPolicy>(
      dataSource,
      COORDINATION_SCHEMA,
      'sla_policy',
      LABEL,
    );
  }

  current(manager?: EntityManager): Promise<SlaPolicy> {
    return this.store.current(manager);
  }

  byVersion(version: string, manager?: EntityManager): Promise<SlaPolicy> {
    return this.store.byVersion(version, undefined, manager);
  }

  list(): Promise<StoredPolicy<SlaPolicy>[]> {
    return this.store.list();
  }

  create(policy: SlaPolicy, makeCurrent: boolean, createdBy: string) {
    return this.store.create(policy, makeCurrent, createdBy);
  }
}
