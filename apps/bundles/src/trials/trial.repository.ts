import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Scope } from '@gap/authz';
import type { Tier, TrialState } from '@gap/bundles/domain';
import { scopeCondition } from '@gap/portfolio';

export type Tx = EntityManager;
export type SubjectKind = 'TEMPLATE' | 'PRODUCT';

export interface StoredTrial {
  readonly id: string;
  readonly accountId: string;
  readonly subjectKind: SubjectKind;
  readonly subjectCode: string;
  readonly subjectVersion: number;
  readonly tier: Tier;
  readonly state: TrialState;
  readonly note: string | null;
  readonly startedBy: string;
  readonly startedAt: Date;
  readonly endsAt: Date;
  /** Days before the end, latest first, fixed at the start from the policy then in force. */
  readonly reminderDays: number[];
  readonly remindersSent: number;
  readonly closedAt: Date | null;
  readonly closedBy: string | null;
  readonly subscriptionIds: string[];
  readonly version: number;
}

export type NewTrial = Omit<
  StoredTrial,
  'state' | 'remindersSent' | 'closedAt' | 'closedBy' | 'subscriptionIds' | 'version'
>;

export interface TrialFilter {
  readonly state?: TrialState | null;
  readonly accountId?: string | null;
}

/** One group of the conversion report: trials of a subject at a tier, by state. */
export interface ConversionRow {
  readonly subjectKind: SubjectKind;
  readonly subjectCode: string;
  readonly tier: Tier;
  readonly state: TrialState;
  readonly n: number;
}

/** What TypeORM gives back for an UPDATE: the rows it returned and how many it changed. */
type Updated = [unknown[], number];

const COLUMNS = `t.id, t.group_account_id AS "accountId", t.subject_kind AS "subjectKind",
  t.subject_code AS "subjectCode", t.subject_version AS "subjectVersion", t.tier, t.state, t.note,
  t.started_by AS "startedBy", t.started_at AS "startedAt", t.ends_at AS "endsAt",
  t.reminder_days AS "reminderDays", t.reminders_sent AS "remindersSent",
  t.closed_at AS "closedAt", t.closed_by AS "closedBy", t.subscription_ids AS "subscriptionIds",
  t.version`;

const scoped = (scope: Scope, param: string) =>
  scopeCondition(
    { kind: scope === 'ALL' ? 'ALL' : 'PORTFOLIO', subject: '' },
    'bundles',
    't.group_account_id',
    'NULL::text',
    param,
  );

/**
 * Trials: one at a time, locked for a change; every close is guarded by the state in its
 * UPDATE, so that of two workers (or a worker and a manager) closing the same trial one wins.
 */
@Injectable()
export class TrialRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** False when the account already has an open trial of the subject (nothing written). */
  async insert(tx: Tx, t: NewTrial): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `INSERT INTO bundles.trial (id, group_account_id, subject_kind, subject_code, subject_version,
         tier, state, note, started_by, started_at, ends_at, reminder_days)
       VALUES ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7, $8, $9, $10, $11)
       ON CONFLICT (group_account_id, subject_kind, subject_code) WHERE state = 'ACTIVE'
       DO NOTHING RETURNING id`,
      [
        t.id,
        t.accountId,
        t.subjectKind,
        t.subjectCode,
        t.subjectVersion,
        t.tier,
        t.note,
        t.startedBy,
        t.startedAt,
        t.endsAt,
        t.reminderDays,
      ],
    );
    return rows.length === 1;
  }

  async lock(tx: Tx, id: string): Promise<StoredTrial | null> {
    const [row] = await tx.query<StoredTrial[]>(
      `SELECT ${COLUMNS} FROM bundles.trial t WHERE t.id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async byId(id: string): Promise<StoredTrial | null> {
    const [row] = await this.dataSource.query<StoredTrial[]>(
      `SELECT ${COLUMNS} FROM bundles.trial t WHERE t.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Closes an open trial; false when it was not open any more (someone closed it first). */
  async close(
    tx: Tx,
    id: string,
    state: 'CONVERTED' | 'EXPIRED',
    by: string | null,
    at: Date,
    subscriptionIds: readonly string[] = [],
  ): Promise<boolean> {
    const [rows] = await tx.query<Updated>(
      `UPDATE bundles.trial SET state = $2, closed_by = $3, closed_at = $4, subscription_ids = $5,
         version = version + 1
       WHERE id = $1 AND state = 'ACTIVE' RETURNING id`,
      [id, state, by, at, subscriptionIds],
    );
    return rows.length === 1;
  }

  /** Counts reminder `n` as sent; false when it (or a later one) went out already. */
  async markReminded(tx: Tx, id: string, n: number): Promise<boolean> {
    const [rows] = await tx.query<Updated>(
      `UPDATE bundles.trial SET reminders_sent = $2
        WHERE id = $1 AND state = 'ACTIVE' AND reminders_sent < $2 RETURNING id`,
      [id, n],
    );
    return rows.length === 1;
  }

  /** The trials the caller sees, newest first, from after the keyset position. */
  list(
    scope: Scope,
    subject: string,
    filter: TrialFilter,
    after: { startedAt: string; id: string } | null,
    limit: number,
  ): Promise<StoredTrial[]> {
    return this.dataSource.query<StoredTrial[]>(
      `SELECT ${COLUMNS} FROM bundles.trial t
        WHERE ${scoped(scope, '$1')}
          AND ($2::text IS NULL OR t.state = $2)
          AND ($3::uuid IS NULL OR t.group_account_id = $3)
          AND ($4::timestamptz IS NULL OR (t.started_at, t.id) < ($4, $5::uuid))
        ORDER BY t.started_at DESC, t.id DESC LIMIT $6`,
      [
        subject,
        filter.state ?? null,
        filter.accountId ?? null,
        after?.startedAt ?? null,
        after?.id ?? null,
        limit,
      ],
    );
  }

  /** Trials started within [from, to) that the caller sees, counted by subject, tier, state. */
  conversion(scope: Scope, subject: string, from: Date, to: Date): Promise<ConversionRow[]> {
    return this.dataSource.query<ConversionRow[]>(
      `SELECT t.subject_kind AS "subjectKind", t.subject_code AS "subjectCode", t.tier, t.state,
              count(*)::int AS n
         FROM bundles.trial t
        WHERE ${scoped(scope, '$1')} AND t.started_at >= $2 AND t.started_at < $3
        GROUP BY 1, 2, 3, 4`,
      [subject, from, to],
    );
  }

  /** The open trials, for planning their jobs again at start-up. */
  async open(): Promise<StoredTrial[]> {
    return this.dataSource.query<StoredTrial[]>(
      `SELECT ${COLUMNS} FROM bundles.trial t WHERE t.state = 'ACTIVE' ORDER BY t.ends_at`,
    );
  }
}
