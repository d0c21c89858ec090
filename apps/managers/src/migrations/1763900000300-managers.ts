import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MANAGER_POLICY_M1 } from '@gap/managers/domain';

const OPEN = `('PLANNED', 'SHADOWING')`;

/**
 * Account managers, the accounts as this service knows them, who is primary, the teams,
 * handovers with their checklists, what could not be placed, and bulk rebalances.
 *
 * "Exactly one primary manager" is the database's rule, not only the code's: one row per
 * account (the primary key), a manager that is never null, and a trigger that refuses to
 * delete the row, so an account that has had a primary manager cannot go back to none. A
 * handover switches the row's manager in one UPDATE. Two open handovers of one account are
 * refused by a partial unique index.
 */
export class Managers1763900000300 implements MigrationInterface {
  name = 'Managers1763900000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE managers.manager_policy (
        version text PRIMARY KEY,
        body jsonb NOT NULL,
        is_current boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      'CREATE UNIQUE INDEX manager_policy_one_current ON managers.manager_policy (is_current) WHERE is_current',
    );
    await runner.query(
      `INSERT INTO managers.manager_policy (version, body, is_current, created_by)
       VALUES ($1, $2, true, 'migration')`,
      [MANAGER_POLICY_M1.version, JSON.stringify(MANAGER_POLICY_M1)],
    );
    await runner.query(`
      CREATE TABLE managers.account_manager (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,32}$'),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        grade text NOT NULL CHECK (grade IN ('KEY_ACCOUNT', 'SENIOR', 'STANDARD', 'CHANNEL')),
        regions text[] NOT NULL CHECK (cardinality(regions) > 0),
        industries text[] NOT NULL DEFAULT '{}',
        capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 100000),
        supervisor_id text REFERENCES managers.account_manager (id),
        status text NOT NULL DEFAULT 'ACTIVE'
          CHECK (status IN ('ACTIVE', 'ON_LEAVE', 'LEAVING', 'LEFT')),
        last_day date,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (supervisor_id IS DISTINCT FROM id),
        CHECK ((status IN ('LEAVING', 'LEFT')) = (last_day IS NOT NULL))
      )`);
    await runner.query(
      'CREATE INDEX account_manager_supervisor_idx ON managers.account_manager (supervisor_id)',
    );
    await runner.query(`
      CREATE TABLE managers.group_account (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        region_code text NOT NULL,
        industry_code text NOT NULL,
        status text NOT NULL,
        registered_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Kept apart from group_account: a tier may arrive before the account does.
    await runner.query(`
      CREATE TABLE managers.account_tier (
        group_account_id uuid PRIMARY KEY,
        tier char(1) NOT NULL CHECK (tier IN ('A', 'B', 'C')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE managers.primary_assignment (
        group_account_id uuid PRIMARY KEY REFERENCES managers.group_account (id),
        manager_id text NOT NULL REFERENCES managers.account_manager (id),
        reason text NOT NULL,
        assigned_by text NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await runner.query(
      'CREATE INDEX primary_assignment_manager_idx ON managers.primary_assignment (manager_id)',
    );
    await runner.query(`
      CREATE FUNCTION managers.refuse_primary_removal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'account % would be left without a primary manager', OLD.group_account_id
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await runner.query(`
      CREATE TRIGGER primary_assignment_never_removed BEFORE DELETE ON managers.primary_assignment
        FOR EACH ROW EXECUTE FUNCTION managers.refuse_primary_removal()`);
    await runner.query(`
      CREATE TABLE managers.team_member (
        group_account_id uuid NOT NULL REFERENCES managers.group_account (id),
        manager_id text NOT NULL REFERENCES managers.account_manager (id),
        role text NOT NULL CHECK (role IN ('BACKUP', 'SOLUTION_ARCHITECT', 'TECHNICAL_SUPPORT')),
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_account_id, manager_id)
      )`);
    await runner.query(`
      CREATE TABLE managers.unassignable_account (
        group_account_id uuid PRIMARY KEY REFERENCES managers.group_account (id),
        reason text NOT NULL
          CHECK (reason IN ('NO_FITTING_GRADE', 'NO_ACTIVE_MANAGER', 'NO_CAPACITY', 'NO_SUPERVISOR')),
        current_manager_id text REFERENCES managers.account_manager (id),
        policy_version text NOT NULL,
        since timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE managers.rebalance (
        id uuid PRIMARY KEY,
        policy_version text NOT NULL,
        scope jsonb NOT NULL,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        accounts integer NOT NULL,
        moves integer NOT NULL,
        unassigned integer NOT NULL,
        total_cost bigint NOT NULL,
        lower_bound float8 NOT NULL,
        load_spread float8,
        stats jsonb NOT NULL,
        applied_at timestamptz,
        applied_by text,
        due_on date
      )`);
    await runner.query(`
      CREATE TABLE managers.rebalance_move (
        rebalance_id uuid NOT NULL REFERENCES managers.rebalance (id) ON DELETE CASCADE,
        group_account_id uuid NOT NULL,
        from_manager_id text,
        to_manager_id text,
        tier char(1) NOT NULL,
        cost integer NOT NULL,
        PRIMARY KEY (rebalance_id, group_account_id)
      )`);
    await runner.query(`
      CREATE TABLE managers.handover (
        id uuid PRIMARY KEY,
        group_account_id uuid NOT NULL REFERENCES managers.group_account (id),
        from_manager_id text NOT NULL REFERENCES managers.account_manager (id),
        to_manager_id text NOT NULL REFERENCES managers.account_manager (id),
        state text NOT NULL DEFAULT 'PLANNED'
          CHECK (state IN ('PLANNED', 'SHADOWING', 'COMPLETED', 'CANCELLED')),
        cause text NOT NULL CHECK (cause IN ('MANUAL', 'OFFBOARDING', 'TIER_CHANGE', 'REBALANCE')),
        reason text NOT NULL,
        due_on date NOT NULL,
        rebalance_id uuid REFERENCES managers.rebalance (id),
        planned_by text NOT NULL,
        planned_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        cancelled_by text,
        cancel_reason text,
        escalated_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        CHECK (from_manager_id <> to_manager_id),
        CHECK ((state = 'COMPLETED') = (completed_at IS NOT NULL)),
        CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL)),
        CHECK (state = 'PLANNED' OR state = 'CANCELLED' OR started_at IS NOT NULL)
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX handover_one_open ON managers.handover (group_account_id) WHERE state IN ${OPEN}`,
    );
    await runner.query(
      `CREATE INDEX handover_incoming_idx ON managers.handover (to_manager_id) WHERE state IN ${OPEN}`,
    );
    await runner.query(
      'CREATE INDEX handover_account_idx ON managers.handover (group_account_id, planned_at)',
    );
    await runner.query(
      `CREATE INDEX handover_due_idx ON managers.handover (due_on) WHERE state IN ${OPEN}`,
    );
    await runner.query(`
      CREATE TABLE managers.handover_item (
        handover_id uuid NOT NULL REFERENCES managers.handover (id),
        key text NOT NULL,
        kind text NOT NULL,
        label text NOT NULL,
        source text NOT NULL,
        state text NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'DONE', 'WAIVED')),
        channel text CHECK (channel IN ('PHONE', 'SMS', 'EMAIL', 'VISIT', 'WECHAT')),
        note text,
        resolved_by text,
        resolved_at timestamptz,
        PRIMARY KEY (handover_id, key),
        CHECK (state <> 'WAIVED' OR length(btrim(note)) >= 6),
        CHECK ((state = 'OPEN') = (resolved_at IS NULL))
      )`);
    // Work still open on an account in other services (coordination requests, proposals), as
    // their events report it: a handover's checklist lists it.
    await runner.query(`
      CREATE TABLE managers.open_work_item (
        source text NOT NULL,
        ref text NOT NULL,
        group_account_id uuid NOT NULL,
        title text NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        PRIMARY KEY (source, ref)
      )`);
    await runner.query(
      'CREATE INDEX open_work_item_account_idx ON managers.open_work_item (group_account_id) WHERE closed_at IS NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'open_work_item',
      'handover_item',
      'handover',
      'rebalance_move',
      'rebalance',
      'unassignable_account',
      'team_member',
      'primary_assignment',
      'account_tier',
      'group_account',
      'account_manager',
      'manager_policy',
    ]) {
      await runner.query(`DROP TABLE managers.${table}`);
    }
    await runner.query('DROP FUNCTION managers.refuse_primary_removal()');
  }
}
