import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isIndustryCode, isRegionCode } from '@gap/accounts/domain';
import type { Caller } from '@gap/auth';
import { isUniqueViolation } from '@gap/database';
import { DomainError, type FieldViolation } from '@gap/errors';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { OutboxPublisher } from '@gap/messaging';
import { GroupAccountErrors } from '../group-account/group-account.errors.js';
import { GroupAccountRepository } from '../group-account/group-account.repository.js';
import { accountScopeOf, assertMayEditAccounts } from '../visibility/visibility.js';
import type {
  ClusterMembership,
  CreateIndustryAssociationInput,
  CreateIndustryClusterInput,
  IndustryAssociation,
  IndustryCluster,
} from './clusters.types.js';

const CLUSTER_COLUMNS = `c.id, c.name, c.industry_code AS "industryCode", c.region_code AS "regionCode",
  c.leader_account_id AS "leaderAccountId",
  (SELECT count(*)::int FROM accounts.cluster_supporter s WHERE s.cluster_id = c.id) AS "supporterCount"`;
const ASSOCIATION_COLUMNS = `s.id, s.name, s.industry_code AS "industryCode", s.region_code AS "regionCode",
  (SELECT count(*)::int FROM accounts.association_member m WHERE m.association_id = s.id) AS "memberCount"`;

function checkName(name: string, industryCode: string | null, regionCode: string | null): string {
  const violations: FieldViolation[] = [];
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) {
    violations.push({
      field: 'input.name',
      reason: 'NAME_INVALID',
      message: 'A name has 1 to 200 characters.',
    });
  }
  if (industryCode !== null && !isIndustryCode(industryCode)) {
    violations.push({
      field: 'input.industryCode',
      reason: 'INDUSTRY_UNKNOWN',
      message: `'${industryCode}' is not an industry section of GB/T 4754 (A to T).`,
    });
  }
  if (regionCode !== null && !isRegionCode(regionCode)) {
    violations.push({
      field: 'input.regionCode',
      reason: 'REGION_UNKNOWN',
      message: `'${regionCode}' is not a six-digit division code of a Chinese province.`,
    });
  }
  if (violations.length > 0) throw GroupAccountErrors.invalid(violations);
  return trimmed;
}

/** Industry clusters (a leader and its supporters) and industry associations (members). */
@Injectable()
export class ClustersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: GroupAccountRepository,
    private readonly events: OutboxPublisher,
  ) {}

  async createCluster(caller: Caller, input: CreateIndustryClusterInput): Promise<IndustryCluster> {
    assertMayEditAccounts(caller);
    const name = checkName(input.name, input.industryCode, input.regionCode);
    const supporters = [...new Set(input.supporterIds ?? [])];
    if (supporters.includes(input.leaderId)) {
      throw DomainError.invalidInput([
        {
          field: 'input.supporterIds',
          reason: 'LEADER_AS_SUPPORTER',
          message: 'The leader cannot also be one of its own supporters.',
        },
      ]);
    }
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.assertVisible(manager, caller, [input.leaderId], 'input.leaderId');
        await manager.query(
          `INSERT INTO accounts.industry_cluster (id, name, industry_code, region_code, leader_account_id, created_by)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, name, input.industryCode, input.regionCode, input.leaderId, caller.subject],
        );
        await this.recordMembership(manager, id, name, [input.leaderId], 'LEADER', 'JOINED');
        await this.addSupportersIn(manager, caller, id, name, supporters, 'input.supporterIds');
      });
    } catch (error) {
      if (isUniqueViolation(error, 'industry_cluster_name_key')) {
        throw DomainError.conflict(
          'CLUSTER_NAME_TAKEN',
          `A cluster named ${name} already exists.`,
          'input.name',
        );
      }
      throw error;
    }
    return this.cluster(caller, id);
  }

  async addSupporters(
    caller: Caller,
    clusterId: string,
    accountIds: readonly string[],
  ): Promise<IndustryCluster> {
    assertMayEditAccounts(caller);
    await this.dataSource.transaction(async (manager) => {
      const cluster = await this.lockCluster(manager, clusterId);
      if (accountIds.includes(cluster.leaderAccountId)) {
        throw DomainError.invalidInput([
          {
            field: 'input.accountIds',
            reason: 'LEADER_AS_SUPPORTER',
            message: 'The leader cannot also be one of its own supporters.',
          },
        ]);
      }
      await this.addSupportersIn(
        manager,
        caller,
        clusterId,
        cluster.name,
        [...new Set(accountIds)],
        'input.accountIds',
      );
    });
    return this.cluster(caller, clusterId);
  }

  async removeSupporters(
    caller: Caller,
    clusterId: string,
    accountIds: readonly string[],
  ): Promise<IndustryCluster> {
    assertMayEditAccounts(caller);
    await this.dataSource.transaction(async (manager) => {
      const cluster = await this.lockCluster(manager, clusterId);
      // TypeORM answers a DELETE with [rows, count].
      const [removed] = await manager.query<[{ account_id: string }[], number]>(
        `DELETE FROM accounts.cluster_supporter WHERE cluster_id = $1 AND account_id = ANY($2::uuid[])
         RETURNING account_id`,
        [clusterId, accountIds],
      );
      await this.recordMembership(
        manager,
        clusterId,
        cluster.name,
        removed.map((r) => r.account_id),
        'SUPPORTING',
        'LEFT',
      );
    });
    return this.cluster(caller, clusterId);
  }

  async cluster(caller: Caller, id: string): Promise<IndustryCluster> {
    accountScopeOf(caller);
    const [row] = await this.dataSource.query<IndustryCluster[]>(
      `SELECT ${CLUSTER_COLUMNS} FROM accounts.industry_cluster c WHERE c.id = $1`,
      [id],
    );
    if (!row) throw DomainError.notFound('CLUSTER_NOT_FOUND', `No industry cluster ${id}.`, 'id');
    return row;
  }

  async clusters(
    caller: Caller,
    first: number,
    after?: string,
  ): Promise<Connection<IndustryCluster>> {
    accountScopeOf(caller);
    return this.pageByName<IndustryCluster>(
      `SELECT ${CLUSTER_COLUMNS} FROM accounts.industry_cluster c`,
      first,
      after,
    );
  }

  /** The clusters an account leads or supports. */
  async membershipsOf(accountId: string): Promise<ClusterMembership[]> {
    const rows = await this.dataSource.query<
      (IndustryCluster & { role: 'LEADER' | 'SUPPORTING' })[]
    >(
      `SELECT ${CLUSTER_COLUMNS}, 'LEADER' AS role FROM accounts.industry_cluster c WHERE c.leader_account_id = $1
       UNION ALL
       SELECT ${CLUSTER_COLUMNS}, 'SUPPORTING' AS role FROM accounts.industry_cluster c
         JOIN accounts.cluster_supporter cs ON cs.cluster_id = c.id WHERE cs.account_id = $1
       ORDER BY role, name`,
      [accountId],
    );
    return rows.map(({ role, ...cluster }) => ({ role, cluster }));
  }

  async createAssociation(
    caller: Caller,
    input: CreateIndustryAssociationInput,
  ): Promise<IndustryAssociation> {
    assertMayEditAccounts(caller);
    const industryCode = input.industryCode ?? null;
    const regionCode = input.regionCode ?? null;
    const name = checkName(input.name, industryCode, regionCode);
    const id = randomUUID();
    try {
      await this.dataSource.query(
        `INSERT INTO accounts.industry_association (id, name, industry_code, region_code, created_by)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, name, industryCode, regionCode, caller.subject],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'industry_association_name_key')) {
        throw DomainError.conflict(
          'ASSOCIATION_NAME_TAKEN',
          `An association named ${name} already exists.`,
          'input.name',
        );
      }
      throw error;
    }
    return this.association(caller, id);
  }

  async addMembers(
    caller: Caller,
    associationId: string,
    accountIds: readonly string[],
  ): Promise<IndustryAssociation> {
    assertMayEditAccounts(caller);
    await this.dataSource.transaction(async (manager) => {
      await this.association(caller, associationId, manager);
      await this.assertVisible(manager, caller, accountIds, 'input.accountIds');
      await manager.query(
        `INSERT INTO accounts.association_member (association_id, account_id)
         SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [associationId, [...new Set(accountIds)]],
      );
    });
    return this.association(caller, associationId);
  }

  async removeMembers(
    caller: Caller,
    associationId: string,
    accountIds: readonly string[],
  ): Promise<IndustryAssociation> {
    assertMayEditAccounts(caller);
    await this.association(caller, associationId);
    await this.dataSource.query(
      'DELETE FROM accounts.association_member WHERE association_id = $1 AND account_id = ANY($2::uuid[])',
      [associationId, accountIds],
    );
    return this.association(caller, associationId);
  }

  async association(
    caller: Caller,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IndustryAssociation> {
    accountScopeOf(caller);
    const [row] = await manager.query<IndustryAssociation[]>(
      `SELECT ${ASSOCIATION_COLUMNS} FROM accounts.industry_association s WHERE s.id = $1`,
      [id],
    );
    if (!row)
      throw DomainError.notFound('ASSOCIATION_NOT_FOUND', `No industry association ${id}.`, 'id');
    return row;
  }

  async associations(
    caller: Caller,
    first: number,
    after?: string,
  ): Promise<Connection<IndustryAssociation>> {
    accountScopeOf(caller);
    return this.pageByName<IndustryAssociation>(
      `SELECT ${ASSOCIATION_COLUMNS} FROM accounts.industry_association s`,
      first,
      after,
    );
  }

  async associationsOf(accountId: string): Promise<IndustryAssociation[]> {
    return this.dataSource.query<IndustryAssociation[]>(
      `SELECT ${ASSOCIATION_COLUMNS} FROM accounts.industry_association s
         JOIN accounts.association_member m ON m.association_id = s.id
        WHERE m.account_id = $1 ORDER BY s.name`,
      [accountId],
    );
  }

  /** A page of clusters or associations in name order; `select` reads one table. */
  private async pageByName<T extends { name: string; id: string }>(
    select: string,
    first: number,
    after?: string,
  ): Promise<Connection<T>> {
    const [name, id] = after === undefined ? [null, null] : decodeCursor(after).map(String);
    const rows = await this.dataSource.query<T[]>(
      `SELECT * FROM (${select}) page
        WHERE ($1::text IS NULL OR (page.name, page.id) > ($1::text, $2::uuid))
        ORDER BY page.name, page.id LIMIT $3`,
      [name, id, first + 1],
    );
    return toConnection(rows, first, (row) => [row.name, row.id]);
  }

  private async lockCluster(manager: EntityManager, id: string): Promise<IndustryCluster> {
    const [row] = await manager.query<IndustryCluster[]>(
      `SELECT c.id, c.name, c.leader_account_id AS "leaderAccountId" FROM accounts.industry_cluster c
        WHERE c.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row)
      throw DomainError.notFound(
        'CLUSTER_NOT_FOUND',
        `No industry cluster ${id}.`,
        'input.clusterId',
      );
    return row;
  }

  private async addSupportersIn(
    manager: EntityManager,
    caller: Caller,
    clusterId: string,
    clusterName: string,
    accountIds: readonly string[],
    field: string,
  ): Promise<void> {
    await this.assertVisible(manager, caller, accountIds, field);
    const added = await manager.query<{ account_id: string }[]>(
      `INSERT INTO accounts.cluster_supporter (cluster_id, account_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING account_id`,
      [clusterId, accountIds],
    );
    await this.recordMembership(
      manager,
      clusterId,
      clusterName,
      added.map((r) => r.account_id),
      'SUPPORTING',
      'JOINED',
    );
  }

  private async assertVisible(
    manager: EntityManager,
    caller: Caller,
    ids: readonly string[],
    field: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    const scope = accountScopeOf(caller);
    const found = new Set(
      (await this.accounts.findManyVisible(scope, ids, manager)).map((a) => a.id),
    );
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw GroupAccountErrors.notFound(missing, field);
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
