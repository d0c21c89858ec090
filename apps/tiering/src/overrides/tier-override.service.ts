import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { hasRole, type Caller } from '@gap/auth';
import { todayInChina, type CalendarDate } from '@gap/calendar';
import { DomainError } from '@gap/errors';
import { OutboxPublisher } from '@gap/messaging';
import { Correlation } from '@gap/observability';
import { OVERRIDE_REASON_MIN_LENGTH, checkOverride, type Tier } from '@gap/tiering/domain';
import type {
  RevokeTierOverrideInput,
  SetTierOverrideInput,
  TierOverrideType,
} from './tier-override.types.js';
import { AccountVisibility } from '../visibility/account-visibility.js';
import { END_OVERRIDES_SQL } from './tier-override.sql.js';

const OVERRIDE_COLUMNS = `id, group_account_id AS "groupAccountId", tier, tier_before AS "tierBefore",
  reason, to_char(valid_until, 'YYYY-MM-DD') AS "validUntil", set_by AS "setBy", set_at AS "setAt",
  ended_at IS NULL AS "inForce", ended_at AS "endedAt", ended_by AS "endedBy",
  end_reason AS "endReason", end_note AS "endNote"`;

/**
 * Tier overrides: a supervisor sets a tier for an account with a reason and a last day. It
 * takes effect at once (TierChanged, reason OVERRIDE), wins over every run while in force, and
 * ends by itself after its last day (or when revoked), giving the account back its computed
 * tier. Each override is kept, with who ended it and why: the audit trail.
 *
 * Overrides take the tiering apply lock shared, so none starts or ends in the middle of a run
 * being applied (which reads the overrides in force once).
 */
@Injectable()
export class TierOverrideService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: OutboxPublisher,
    private readonly visibility: AccountVisibility,
  ) {}

  async set(
    caller: Caller,
    input: SetTierOverrideInput,
    today: CalendarDate = todayInChina(),
  ): Promise<TierOverrideType> {
    this.assertMayOverride(caller);
    const violations = checkOverride(input, today);
    if (violations.length > 0) throw DomainError.invalidInput(violations);
    await this.visibility.assertVisible(caller, input.groupAccountId, 'input.groupAccountId');
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock_shared(hashtext('tiering.apply'))");
      const [current] = await manager.query<
        { tier: Tier; policyVersion: string; segment: string | null }[]
      >(
        `SELECT tier, policy_version AS "policyVersion", segment
           FROM tiering.account_tier WHERE group_account_id = $1 FOR UPDATE`,
        [input.groupAccountId],
      );
      if (!current) {
        throw DomainError.notFound(
          'GROUP_ACCOUNT_NOT_FOUND',
          `No group account ${input.groupAccountId} is known to tiering.`,
          'input.groupAccountId',
        );
      }
      // A newer override replaces the one in force; the tier before is the one before both.
      const [[replaced]] = await manager.query<[{ tierBefore: Tier }[], number]>(
        `UPDATE tiering.tier_override
            SET ended_at = now(), ended_by = $2, end_reason = 'REPLACED', end_note = $3
          WHERE group_account_id = $1 AND ended_at IS NULL
          RETURNING tier_before AS "tierBefore"`,
        [input.groupAccountId, caller.subject, `replaced by ${id}`],
      );
      await manager.query(
        `INSERT INTO tiering.tier_override
           (id, group_account_id, tier, tier_before, reason, valid_until, set_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          input.groupAccountId,
          input.tier,
          replaced?.tierBefore ?? current.tier,
          input.reason.trim(),
          input.validUntil,
          caller.subject,
        ],
      );
      const changes = current.tier !== input.tier;
      await manager.query(
        `UPDATE tiering.account_tier
            SET tier = $2, override_id = $3, version = version + 1,
                reason = CASE WHEN $4 THEN 'OVERRIDE' ELSE reason END,
                effective_from = CASE WHEN $4 THEN $5::date ELSE effective_from END
          WHERE group_account_id = $1`,
        [input.groupAccountId, input.tier, id, changes, today],
      );
      if (!changes) return;
      await manager.query(
        `INSERT INTO tiering.tier_history
           (group_account_id, tier, previous_tier, segment, previous_segment, reason,
            policy_version, override_id, effective_from)
         VALUES ($1, $2, $3, $4, $4, 'OVERRIDE', $5, $6, $7)`,
        [
          input.groupAccountId,
          input.tier,
          current.tier,
          current.segment,
          current.policyVersion,
          id,
          today,
        ],
      );
      await this.events.record(manager, {
        type: 'TierChanged',
        aggregateId: input.groupAccountId,
        payload: {
          groupAccountId: input.groupAccountId,
          tier: input.tier,
          previousTier: current.tier,
          reason: 'OVERRIDE',
          policyVersion: current.policyVersion,
          runId: null,
          overrideId: id,
          effectiveFrom: today,
        },
      });
    });
    return this.byId(caller, id);
  }

  async revoke(
    caller: Caller,
    input: RevokeTierOverrideInput,
    today: CalendarDate = todayInChina(),
  ): Promise<TierOverrideType> {
    this.assertMayOverride(caller);
    if (input.reason.trim().length < OVERRIDE_REASON_MIN_LENGTH) {
      throw DomainError.invalidInput([
        {
          field: 'input.reason',
          reason: 'REASON_REQUIRED',
          message: `Say why the override ends early, in at least ${OVERRIDE_REASON_MIN_LENGTH} characters.`,
        },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query("SELECT pg_advisory_xact_lock_shared(hashtext('tiering.apply'))");
      const [found] = await manager.query<{ inForce: boolean; accountId: string }[]>(
        `SELECT ended_at IS NULL AS "inForce", group_account_id AS "accountId"
           FROM tiering.tier_override WHERE id = $1 FOR UPDATE`,
        [input.overrideId],
      );
      if (
        !found ||
        !(await this.visibility.visible(caller, [found.accountId])).has(found.accountId)
      ) {
        throw DomainError.notFound(
          'TIER_OVERRIDE_NOT_FOUND',
          `No tier override ${input.overrideId}.`,
          'input.overrideId',
        );
      }
      if (!found.inForce) {
        throw DomainError.conflict(
          'TIER_OVERRIDE_ENDED',
          `Override ${input.overrideId} has already ended.`,
          'input.overrideId',
        );
      }
      await this.end(
        manager,
        [input.overrideId],
        caller.subject,
        'REVOKED',
        input.reason.trim(),
        today,
      );
    });
    return this.byId(caller, input.overrideId);
  }

  /**
   * Ends every override whose last day is before `today`, in the caller's transaction (the
   * expiry scan's own, or a run being applied). Returns how many ended.
   */
  async expireDue(manager: EntityManager, today: CalendarDate): Promise<number> {
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

  async list(
    caller: Caller,
    filter: { groupAccountId?: string | null; inForceOnly: boolean; first: number },
  ): Promise<TierOverrideType[]> {
    return this.dataSource.query<TierOverrideType[]>(
      `SELECT ${OVERRIDE_COLUMNS} FROM tiering.tier_override
        WHERE ($1::uuid IS NULL OR group_account_id = $1) AND (NOT $2 OR ended_at IS NULL)
          AND ${this.visibility.condition(caller, 'group_account_id', '$4')}
        ORDER BY set_at DESC, id LIMIT $3`,
      [
        filter.groupAccountId ?? null,
        filter.inForceOnly,
        Math.min(Math.max(filter.first, 1), 200),
        caller.subject,
      ],
    );
  }

  async byId(caller: Caller, id: string): Promise<TierOverrideType> {
    const [found] = await this.dataSource.query<TierOverrideType[]>(
      `SELECT ${OVERRIDE_COLUMNS} FROM tiering.tier_override WHERE id = $1`,
      [id],
    );
    if (!found || !(await this.visibility.visible(caller, [found.groupAccountId])).size)
      throw DomainError.notFound('TIER_OVERRIDE_NOT_FOUND', `No tier override ${id}.`, 'id');
    return found;
  }

  /** The overrides in force on the given accounts, by account. */
  async inForceOn(
    caller: Caller,
    accountIds: readonly string[],
  ): Promise<Map<string, TierOverrideType>> {
    const visible = [...(await this.visibility.visible(caller, accountIds))];
    const rows = await this.dataSource.query<TierOverrideType[]>(
      `SELECT ${OVERRIDE_COLUMNS} FROM tiering.tier_override
        WHERE group_account_id = ANY($1::uuid[]) AND ended_at IS NULL`,
      [visible],
    );
    return new Map(rows.map((row) => [row.groupAccountId, row]));
  }

  private async end(
    manager: EntityManager,
    ids: readonly string[],
    endedBy: string,
    endReason: 'EXPIRED' | 'REVOKED',
    note: string | null,
    effectiveFrom: CalendarDate | null,
  ): Promise<number> {
    const [result] = await manager.query<{ ended: number; changed: number }[]>(END_OVERRIDES_SQL, [
      ids,
      endedBy,
      endReason,
      note,
      endReason === 'EXPIRED' ? 'OVERRIDE_EXPIRED' : 'OVERRIDE_REVOKED',
      effectiveFrom,
      new Date().toISOString(),
      Correlation.current()?.correlationId ?? null,
    ]);
    return result?.ended ?? 0;
  }

  private assertMayOverride(caller: Caller): void {
    if (!hasRole(caller, 'SUPERVISOR', 'ADMIN')) {
      throw DomainError.forbidden('Only supervisors and admins override tiers.');
    }
  }
}
