import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { matchableName } from './account-names.js';

/** An account as the partners service knows it, from the other services' events. */
export interface KnownAccount {
  readonly id: string;
  readonly creditCode: string | null;
  readonly name: string | null;
  readonly normalisedName: string | null;
  readonly namePinyin: string | null;
  readonly status: string | null;
  readonly tier: string | null;
  readonly primaryManagerId: string | null;
  readonly regionCode: string | null;
}

/** What the accounts service says an account is. */
export interface AccountFacts {
  /** Given when the account is created; updates leave it as it is. */
  readonly creditCode?: string;
  readonly name: string;
  readonly status?: string;
  readonly regionCode: string;
}

/** An account whose name is like the one asked about, with the trigram similarity (0 to 1). */
export interface SimilarAccount extends KnownAccount {
  readonly similarity: number;
}

const COLUMNS = `group_account_id AS id, credit_code AS "creditCode", name,
  normalised_name AS "normalisedName", name_pinyin AS "namePinyin", status, tier,
  primary_manager_id AS "primaryManagerId", region_code AS "regionCode"`;

/**
 * What the partners service knows of the accounts (partners.account), from the accounts,
 * tiering and managers services' events. Each event sets only its own columns, so events of
 * different topics may arrive in any order; a later tier wins over an earlier one.
 */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async describe(tx: EntityManager, accountId: string, facts: AccountFacts): Promise<void> {
    const name = matchableName(facts.name);
    await tx.query(
      `INSERT INTO partners.account
         (group_account_id, credit_code, name, normalised_name, name_pinyin, status, region_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (group_account_id) DO UPDATE SET
         credit_code = COALESCE(EXCLUDED.credit_code, partners.account.credit_code),
         status = COALESCE(EXCLUDED.status, partners.account.status),
         name = EXCLUDED.name, normalised_name = EXCLUDED.normalised_name,
         name_pinyin = EXCLUDED.name_pinyin, region_code = EXCLUDED.region_code,
         updated_at = now()`,
      [
        accountId,
        facts.creditCode ?? null,
        facts.name,
        name.normalised,
        name.pinyin,
        facts.status ?? null,
        facts.regionCode,
      ],
    );
  }

  async setStatus(tx: EntityManager, accountId: string, status: string): Promise<void> {
    await tx.query(
      `INSERT INTO partners.account (group_account_id, status) VALUES ($1, $2)
       ON CONFLICT (group_account_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
      [accountId, status],
    );
  }

  async setTier(tx: EntityManager, accountId: string, tier: string, at: string): Promise<void> {
    await tx.query(
      `INSERT INTO partners.account (group_account_id, tier, tier_at) VALUES ($1, $2, $3)
       ON CONFLICT (group_account_id) DO UPDATE SET tier = EXCLUDED.tier,
         tier_at = EXCLUDED.tier_at, updated_at = now()
        WHERE partners.account.tier_at IS NULL OR partners.account.tier_at <= EXCLUDED.tier_at`,
      [accountId, tier, at],
    );
  }

  /** Managers' events of one account arrive in order (one key, one partition): the last wins. */
  async setPrimaryManager(tx: EntityManager, accountId: string, managerId: string) {
    await tx.query(
      `INSERT INTO partners.account (group_account_id, primary_manager_id) VALUES ($1, $2)
       ON CONFLICT (group_account_id) DO UPDATE SET primary_manager_id = EXCLUDED.primary_manager_id,
         updated_at = now()`,
      [accountId, managerId],
    );
  }

  /** The account, or null when no accounts event has described it yet. */
  async find(
    accountId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KnownAccount | null> {
    const [row] = await manager.query<KnownAccount[]>(
      `SELECT ${COLUMNS} FROM partners.account WHERE group_account_id = $1 AND name IS NOT NULL`,
      [accountId],
    );
    return row ?? null;
  }

  /** The account registered under this Unified Social Credit Code, if any. */
  async findByCreditCode(creditCode: string): Promise<KnownAccount | null> {
    const [row] = await this.dataSource.query<KnownAccount[]>(
      `SELECT ${COLUMNS} FROM partners.account WHERE credit_code = $1`,
      [creditCode],
    );
    return row ?? null;
  }

  /**
   * The accounts whose normalised name is at least `threshold` similar (pg_trgm) to the one
   * given, most similar first; the trigram index answers it without reading the whole book.
   */
  async similarNames(
    normalisedName: string,
    threshold: number,
    limit: number,
  ): Promise<SimilarAccount[]> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
        String(threshold),
      ]);
      const rows = await tx.query<(KnownAccount & { similarity: number | string })[]>(
        `SELECT ${COLUMNS}, similarity(normalised_name, $1) AS similarity
           FROM partners.account
          WHERE normalised_name % $1
          ORDER BY similarity DESC, group_account_id
          LIMIT $2`,
        [normalisedName, limit],
      );
      return rows.map((row) => ({ ...row, similarity: Number(row.similarity) }));
    });
  }
}
