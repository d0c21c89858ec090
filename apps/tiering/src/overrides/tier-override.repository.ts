import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CalendarDate } from '@gap/calendar';
import { Correlation } from '@gap/observability';
import type { Tier } from '@gap/tiering/domain';
import { endOverridesStatement } from './tier-override.sql.js';
import type { TierOverrideType } from './tier-override.types.js';

const OVERRIDE_COLUMNS = `id, group_account_id AS "groupAccountId", tier, tier_before AS "tierBefore",
  reason, to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", set_by AS "setBy", set_at AS "setAt",
  ended_at IS NULL AS "inForce", ended_at AS "endedAt", ended_by AS "endedBy",
  end_reason AS "endReason", end_note AS "endNote"`;

export interface TierInForce {
  readonly tier: Tier;
  readonly policyVersion: string;
  readonly segment: string | null;
}

/** The named queries of setting or ending an override, inside the repository's transaction. */
export class OverrideUnitOfWork {
  constructor(readonly manager: EntityManager) {}

  async lockTier(accountId: string): Promise<TierInForce | null> {
    const [current] = await this.manager.query<TierInForce[]>(
      `SELECT tier, policy_version AS "policyVersion", segment
         FROM tiering.account_tier WHERE group_account_id = $1 FOR UPDATE`,
      [accountId],
    );
    return current ?? null;
  }

  /** Ends the override in force (replaced by `id`); the tier before it, if there was one. */
  async replaceInForce(accountId: string, endedBy: string, id: string): Promise<Tier | null> {
    const [[replaced]] = await this.manager.query<[{ tierBefore: Tier }[], number]>(
      `UPDATE tiering.tier_override
          SET ended_at = now(), ended_by = $2, end_reason = 'REPLACED', end_note = $3
        WHERE group_account_id = $1 AND ended_at IS NULL
        RETURNING tier_before AS "tierBefore"`,
      [accountId, endedBy, `replaced by ${id}`],
    );
    return replaced?.tierBefore ?? null;
  }

  async insert(o: {
    id: string;
    accountId: string;
    tier: Tier;
    tierBefore: Tier;
    reason: string;
    validUntil: string;
    setBy: string;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO tiering.tier_override
         (id, group_account_id, tier, tier_before, reason, valid_until, set_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [o.id, o.accountId, o.tier, o.tierBefore, o.reason, o.validUntil, o.setBy],
    );
  }

  /** The override's tier in force; history only when the tier changes. */
  async putInForce(
    accountId: string,
    tier: Tier,
    overrideId: string,
    before: TierInForce,
    today: CalendarDate,
  ): Promise<void> {
    const changes = before.tier !== tier;
    await this.manager.query(
      `UPDATE tiering.account_tier
          SET tier = $2, override_id = $3, version = version + 1,
              reason = CASE WHEN $4 THEN 'OVERRIDE' ELSE reason END,
              effective_from = CASE WHEN $4 THEN $5::date ELSE effective_from END
        WHERE group_account_id = $1`,
      [accountId, tier, overrideId, changes, today],
    );
    if (!changes) return;
    await this.manager.query(
      `INSERT INTO tiering.tier_history
         (group_account_id, tier, previous_tier, segment, previous_segment, reason,
          policy_version, override_id, effective_from)
       VALUES ($1, $2, $3, $4, $4, 'OVERRIDE', $5, $6, $7)`,
      [accountId, tier, before.tier, before.segment, before.policyVersion, overrideId, today],
    );
  }

  async lockOverride(id: string): Promise<{ inForce: boolean; accountId: string } | null> {
    const [found] = await this.manager.query<{ inForce: boolean; accountId: string }[]>(
      `SELECT ended_at IS NULL AS "inForce", group_account_id AS "accountId"
         FROM tiering.tier_override WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return found ?? null;
  }
}

/**
 * Tier overrides. Setting and ending one take the tiering apply lock shared, so none starts or
 * ends in the middle of a run being applied (which reads the overrides in force once).
 */
@Injectable()
export class TierOverrideRepository {
  constructor(private readonly dataSource: DataSource) {}

  inOverrideTransaction<T>(work: (unit: OverrideUnitOfWork) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock_shared(hashtext('tiering.apply'))");
      return work(new OverrideUnitOfWork(manager));
    });
  }

  /**
   * Ends every override whose last day is before `today`, in the given transaction (a run being
   * applied) or in one of its own (the expiry scan). Returns how many ended.
   */
  async expireDue(manager: EntityManager | null, today: CalendarDate): Promise<number> {
    if (manager === null) {
      return this.dataSource.transaction((own) => this.expireDue(own, today));
    }
    await manager.query("SELECT pg_advisory_xact_lock_shared(hashtext('tiering.apply'))");
    const due = await manager.query<{ id: string }[]>(
      `SELECT id FROM tiering.tier_override WHERE ended_at IS NULL AND valid_until < $1
        ORDER BY valid_until FOR UPDATE SKIP LOCKED`,
      [today],
    );
    if (due.length === 0) return 0;
    return this.end(
      manager,
      due.map((d) => d.id),
      'system',
      'EXPIRED',
      null,
      null,
    );
  }

  /** Ends overrides and gives their accounts back their computed tier (END_OVERRIDES_SQL). */
  async end(
    manager: EntityManager,
    ids: readonly string[],
    endedBy: string,
    endReason: 'EXPIRED' | 'REVOKED',
    note: string | null,
    effectiveFrom: CalendarDate | null,
  ): Promise<number> {
    const statement = endOverridesStatement({
      ids,
      endedBy,
      endReason,
      note,
      changeReason: endReason === 'EXPIRED' ? 'OVERRIDE_EXPIRED' : 'OVERRIDE_REVOKED',
      effectiveFrom,
      occurredAt: new Date().toISOString(),
      correlationId: Correlation.current()?.correlationId ?? null,
    });
    const [result] = await manager.query<{ ended: number; changed: number }[]>(
      statement.text,
      statement.values,
    );
    return result?.ended ?? 0;
  }

  findVisible(
    filter: { groupAccountId: string | null; inForceOnly: boolean; first: number },
    visibleCondition: string,
    subject: string,
  ): Promise<TierOverrideType[]> {
    return this.dataSource.query<TierOverrideType[]>(
      `SELECT ${OVERRIDE_COLUMNS} FROM tiering.tier_override
        WHERE ($1::uuid IS NULL OR group_account_id = $1) AND (NOT $2 OR ended_at IS NULL)
          AND ${visibleCondition}
        ORDER BY set_at DESC, id LIMIT $3`,
      [filter.groupAccountId, filter.inForceOnly, filter.first, subject],
    );
  }

  async findById(id: string): Promise<TierOverrideType | null> {
    const [found] = await this.dataSource.query<TierOverrideType[]>(
      `SELECT ${OVERRIDE_COLUMNS} FROM tiering.tier_override WHERE id = $1`,
      [id],
    );
    return found ?? null;
  }

  findInForceOn(accountIds: readonly string[]): Promise<TierOverrideType[]> {
    return this.dataSource.query<TierOverrideType[]>(
      `SELECT ${OVERRIDE_COLUMNS} FROM tiering.tier_override
        WHERE group_account_id = ANY($1::uuid[]) AND ended_at IS NULL`,
      [accountIds],
    );
  }
}
