import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { checkGrouping, leaderAmongSupporters } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { isUniqueViolation } from '@gap/database';
import type { Connection } from '@gap/graphql';
import { OutboxPublisher } from '@gap/messaging';
import { GroupAccountChanges } from '../group-account/group-account-changes.service.js';
import { accessFor, type AccountScope } from '../visibility/visibility.js';
import { ClustersErrors } from './clusters.errors.js';
import { ClustersRepository } from './clusters.repository.js';
import type {
  ClusterMembership,
  CreateIndustryClusterInput,
  IndustryCluster,
} from './clusters.types.js';

/** Industry clusters: a leader enterprise and its supporters, with membership events. */
@Injectable()
export class IndustryClusterService {
  constructor(
    private readonly repository: ClustersRepository,
    private readonly accounts: GroupAccountChanges,
    private readonly events: OutboxPublisher,
  ) {}

  async createCluster(caller: Caller, input: CreateIndustryClusterInput): Promise<IndustryCluster> {
    const scope = accessFor('createIndustryCluster', caller);
    const checked = checkGrouping(input);
    if (!checked.ok) throw ClustersErrors.invalid(checked.violations);
    const { name } = checked;
    const supporters = [...new Set(input.supporterIds ?? [])];
    if (leaderAmongSupporters(input.leaderId, supporters)) {
      throw ClustersErrors.leaderAsSupporter('input.supporterIds');
    }
    const id = randomUUID();
    try {
      await this.repository.transaction(async (manager) => {
        await this.accounts.requireVisible(manager, scope, [input.leaderId], 'input.leaderId');
        await this.repository.insertCluster(manager, {
          id,
          name,
          industryCode: input.industryCode,
          regionCode: input.regionCode,
          leaderId: input.leaderId,
          createdBy: caller.subject,
        });
        await this.recordMembership(manager, id, name, [input.leaderId], 'LEADER', 'JOINED');
        await this.addSupportersIn(manager, scope, id, name, supporters, 'input.supporterIds');
      });
    } catch (error) {
      if (isUniqueViolation(error, 'industry_cluster_name_key')) {
        throw ClustersErrors.clusterNameTaken(name);
      }
      throw error;
    }
    return this.read(id);
  }

  async addSupporters(
    caller: Caller,
    clusterId: string,
    accountIds: readonly string[],
  ): Promise<IndustryCluster> {
    const scope = accessFor('addClusterSupporters', caller);
    await this.repository.transaction(async (manager) => {
      const cluster = await this.repository.lockCluster(manager, clusterId);
      if (!cluster) throw ClustersErrors.clusterNotFound(clusterId, 'input.clusterId');
      if (leaderAmongSupporters(cluster.leaderAccountId, accountIds)) {
        throw ClustersErrors.leaderAsSupporter('input.accountIds');
      }
      const ids = [...new Set(accountIds)];
      await this.addSupportersIn(manager, scope, clusterId, cluster.name, ids, 'input.accountIds');
    });
    return this.read(clusterId);
  }

  async removeSupporters(
    caller: Caller,
    clusterId: string,
    accountIds: readonly string[],
  ): Promise<IndustryCluster> {
    accessFor('removeClusterSupporters', caller);
    await this.repository.transaction(async (manager) => {
      const cluster = await this.repository.lockCluster(manager, clusterId);
      if (!cluster) throw ClustersErrors.clusterNotFound(clusterId, 'input.clusterId');
      const removed = await this.repository.removeSupporters(manager, clusterId, accountIds);
      await this.recordMembership(manager, clusterId, cluster.name, removed, 'SUPPORTING', 'LEFT');
    });
    return this.read(clusterId);
  }

  async cluster(caller: Caller, id: string): Promise<IndustryCluster> {
    accessFor('industryCluster', caller);
    return this.read(id);
  }

  async clusters(
    caller: Caller,
    first: number,
    after?: string,
  ): Promise<Connection<IndustryCluster>> {
    accessFor('industryClusters', caller);
    return await this.repository.pageClusters(first, after);
  }

  /** The clusters an account the caller has read leads or supports. */
  async membershipsOf(caller: Caller, accountId: string): Promise<ClusterMembership[]> {
    accessFor('groupAccount', caller);
    return await this.repository.findMemberships(accountId);
  }

  private async read(id: string): Promise<IndustryCluster> {
    const row = await this.repository.findCluster(id);
    if (!row) throw ClustersErrors.clusterNotFound(id);
    return row;
  }

  private async addSupportersIn(
    manager: EntityManager,
    scope: AccountScope,
    clusterId: string,
    clusterName: string,
    accountIds: readonly string[],
    field: string,
  ): Promise<void> {
    await this.accounts.requireVisible(manager, scope, accountIds, field);
    const added = await this.repository.addSupporters(manager, clusterId, accountIds);
    await this.recordMembership(manager, clusterId, clusterName, added, 'SUPPORTING', 'JOINED');
  }

  private async recordMembership(
    manager: EntityManager,
    clusterId: string,
    clusterName: string,
    accountIds: readonly string[],
    role: 'LEADER' | 'SUPPORTING',
    change: 'JOINED' | 'LEFT',
  ): Promise<void> {
    await this.events.recordAll(
      manager,
      accountIds.map((groupAccountId) => ({
        type: 'ClusterMembershipChanged' as const,
        aggregateId: groupAccountId,
        payload: { groupAccountId, clusterId, clusterName, role, change },
      })),
    );
  }
}
