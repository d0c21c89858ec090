import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import type { ClusterMembership, IndustryAssociation, IndustryCluster } from './clusters.types.js';

const CLUSTER_COLUMNS = `c.id, c.name, c.industry_code AS "industryCode", c.region_code AS "regionCode",
  c.leader_account_id AS "leaderAccountId",
  (SELECT count(*)::int FROM accounts.cluster_supporter s WHERE s.cluster_id = c.id) AS "supporterCount"`;
const ASSOCIATION_COLUMNS = `s.id, s.name, s.industry_code AS "industryCode", s.region_code AS "regionCode",
  (SELECT count(*)::int FROM accounts.association_member m WHERE m.association_id = s.id) AS "memberCount"`;

export interface NewGrouping {
  readonly id: string;
  readonly name: string;
  readonly industryCode: string | null;
  readonly regionCode: string | null;
  readonly createdBy: string;
}

/** Industry clusters (a leader and its supporters) and industry associations (members). */
@Injectable()
export class ClustersRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertCluster(
    manager: EntityManager,
    cluster: NewGrouping & { readonly leaderId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO accounts.industry_cluster (id, name, industry_code, region_code, leader_account_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        cluster.id,
        cluster.name,
        cluster.industryCode,
        cluster.regionCode,
        cluster.leaderId,
        cluster.createdBy,
      ],
    );
  }

  /** Locks the cluster for a change of its supporters; null if there is none. */
  async lockCluster(
    manager: EntityManager,
    id: string,
  ): Promise<Pick<IndustryCluster, 'id' | 'name' | 'leaderAccountId'> | null> {
    const [row] = await manager.query<IndustryCluster[]>(
      `SELECT c.id, c.name, c.leader_account_id AS "leaderAccountId" FROM accounts.industry_cluster c
        WHERE c.id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** Adds supporters; returns the accounts that were not supporters yet. */
  async addSupporters(
    manager: EntityManager,
    clusterId: string,
    accountIds: readonly string[],
  ): Promise<string[]> {
    const added = await manager.query<{ account_id: string }[]>(
      `INSERT INTO accounts.cluster_supporter (cluster_id, account_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING account_id`,
      [clusterId, accountIds],
    );
    return added.map((row) => row.account_id);
  }

  /** Removes supporters; returns the accounts that were supporters. */
  async removeSupporters(
    manager: EntityManager,
    clusterId: string,
    accountIds: readonly string[],
  ): Promise<string[]> {
    // TypeORM answers a DELETE with [rows, count].
    const [removed] = await manager.query<[{ account_id: string }[], number]>(
      `DELETE FROM accounts.cluster_supporter WHERE cluster_id = $1 AND account_id = ANY($2::uuid[])
       RETURNING account_id`,
      [clusterId, accountIds],
    );
    return removed.map((row) => row.account_id);
  }

  async findCluster(id: string): Promise<IndustryCluster | null> {
    const [row] = await this.dataSource.query<IndustryCluster[]>(
      `SELECT ${CLUSTER_COLUMNS} FROM accounts.industry_cluster c WHERE c.id = $1`,
      [id],
    );
    return row ?? null;
  }

  pageClusters(first: number, after?: string): Promise<Connection<IndustryCluster>> {
    return this.pageByName<IndustryCluster>(
      `SELECT ${CLUSTER_COLUMNS} FROM accounts.industry_cluster c`,
      first,
      after,
    );
  }

  /** The clusters an account leads or supports. */
  async findMemberships(accountId: string): Promise<ClusterMembership[]> {
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

  async insertAssociation(association: NewGrouping): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO accounts.industry_association (id, name, industry_code, region_code, created_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        association.id,
        association.name,
        association.industryCode,
        association.regionCode,
        association.createdBy,
      ],
    );
  }

  async addMembers(
    manager: EntityManager,
    associationId: string,
    accountIds: readonly string[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO accounts.association_member (association_id, account_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [associationId, accountIds],
    );
  }

  async removeMembers(associationId: string, accountIds: readonly string[]): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM accounts.association_member WHERE association_id = $1 AND account_id = ANY($2::uuid[])',
      [associationId, accountIds],
    );
  }

  async findAssociation(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IndustryAssociation | null> {
    const [row] = await manager.query<IndustryAssociation[]>(
      `SELECT ${ASSOCIATION_COLUMNS} FROM accounts.industry_association s WHERE s.id = $1`,
      [id],
    );
    return row ?? null;
  }

  pageAssociations(first: number, after?: string): Promise<Connection<IndustryAssociation>> {
    return this.pageByName<IndustryAssociation>(
      `SELECT ${ASSOCIATION_COLUMNS} FROM accounts.industry_association s`,
      first,
      after,
    );
  }

  findAssociationsOf(accountId: string): Promise<IndustryAssociation[]> {
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
}
