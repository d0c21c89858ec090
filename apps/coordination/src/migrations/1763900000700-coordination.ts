import type { MigrationInterface, QueryRunner } from 'typeorm';
import { policyTableSql } from '@gap/policy';
import { portfolioTableSql } from '@gap/portfolio';
import { DEFAULT_SLA_POLICY } from '@gap/coordination/domain';

/** The departments the coordination team routes to; admins add, rename and retire them. */
const DEPARTMENTS: readonly [string, string, string][] = [
  ['GROUP_CUSTOMER', '政企客户部', 'Group customer department'],
  ['NETWORK', '网络部', 'Network'],
  ['IT_SUPPORT', 'IT支撑中心', 'IT and support'],
  ['FINANCE_PRICING', '财务与资费部', 'Finance and pricing'],
  ['PRODUCT', '产品部', 'Product'],
  ['LEGAL', '法律事务部', 'Legal'],
];

/**
 * The coordination service: departments and their staff, the coordination team, requests with
 * their tasks, SLA clocks and callbacks (the domain's aggregate, kept whole in `body`), an
 * append-only audit trail the database itself protects, the escalation steps fired (each once),
 * the admin's calendar days, the SLA policy's versions, and what the service knows of the
 * accounts (tier for the targets; who sees which account).
 */
export class Coordination1763900000700 implements MigrationInterface {
  name = 'Coordination1763900000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE coordination.department (
        id text PRIMARY KEY CHECK (id ~ '^[A-Z][A-Z0-9_]{1,31}$'),
        name_zh text NOT NULL CHECK (char_length(name_zh) BETWEEN 1 AND 50),
        name_en text NOT NULL CHECK (char_length(name_en) BETWEEN 1 AND 80),
        head_id text,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE coordination.department_member (
        department_id text NOT NULL REFERENCES coordination.department (id),
        employee_id text NOT NULL,
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (department_id, employee_id)
      )`);
    await runner.query(
      'CREATE INDEX department_member_employee_idx ON coordination.department_member (employee_id)',
    );
    // The coordination team (资源协调小组): its members, its lead, and the senior sponsor.
    await runner.query(`
      CREATE TABLE coordination.team_member (
        employee_id text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('MEMBER', 'LEAD', 'SPONSOR')),
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX team_member_one_lead ON coordination.team_member (role) WHERE role = 'LEAD'`,
    );
    await runner.query('CREATE SEQUENCE coordination.request_number_seq START 1');
    await runner.query(`
      CREATE TABLE coordination.request (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE,
        group_account_id uuid NOT NULL,
        account_tier char(1) NOT NULL CHECK (account_tier IN ('A', 'B', 'C')),
        type text NOT NULL,
        priority text NOT NULL CHECK (priority IN ('P1', 'P2', 'P3', 'P4')),
        state text NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 4000),
        raised_by_kind text NOT NULL CHECK (raised_by_kind IN ('MANAGER', 'COORDINATION_TEAM', 'PARTNER')),
        raised_by text NOT NULL,
        external_reference text,
        lead_department_id text REFERENCES coordination.department (id),
        sla_policy_version text NOT NULL,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await runner.query(
      'CREATE INDEX request_state_idx ON coordination.request (state, created_at, id)',
    );
    await runner.query(
      'CREATE INDEX request_account_idx ON coordination.request (group_account_id, created_at)',
    );
    await runner.query(
      'CREATE INDEX request_lead_department_idx ON coordination.request (lead_department_id, state)',
    );
    await runner.query(`
      CREATE TABLE coordination.request_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor text NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await runner.query(
      'CREATE INDEX request_audit_request_idx ON coordination.request_audit (request_id, id)',
    );
    // The trail is append-only, whoever connects: the database refuses to change or drop a row.
    await runner.query(`
      CREATE FUNCTION coordination.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER request_audit_append_only
        BEFORE UPDATE OR DELETE ON coordination.request_audit
        FOR EACH ROW EXECUTE FUNCTION coordination.refuse_audit_change()`);
    await runner.query(`
      CREATE TRIGGER request_audit_no_truncate
        BEFORE TRUNCATE ON coordination.request_audit
        FOR EACH STATEMENT EXECUTE FUNCTION coordination.refuse_audit_change()`);
    // One row per escalation step fired: the primary key is what makes a step fire once.
    await runner.query(`
      CREATE TABLE coordination.escalation (
        request_id uuid NOT NULL REFERENCES coordination.request (id),
        step text NOT NULL,
        epoch integer NOT NULL,
        due_at timestamptz NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        notified text,
        PRIMARY KEY (request_id, step, epoch)
      )`);
    // Days an admin adds to the official calendar (a holiday announced late, a worked Saturday).
    await runner.query(`
      CREATE TABLE coordination.calendar_day (
        day date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
        note text NOT NULL CHECK (char_length(note) BETWEEN 1 AND 200),
        added_by text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const statement of policyTableSql('coordination', 'sla_policy')) {
      await runner.query(statement);
    }
    await runner.query(
      `INSERT INTO coordination.sla_policy (version, body, is_current, created_by)
       VALUES ($1, $2, true, 'migration')`,
      [DEFAULT_SLA_POLICY.version, JSON.stringify(DEFAULT_SLA_POLICY)],
    );
    for (const [id, nameZh, nameEn] of DEPARTMENTS) {
      await runner.query(
        'INSERT INTO coordination.department (id, name_zh, name_en) VALUES ($1, $2, $3)',
        [id, nameZh, nameEn],
      );
    }
    // What the service knows of the accounts: their tier (for the SLA targets), and who sees them.
    await runner.query(`
      CREATE TABLE coordination.account_tier (
        group_account_id uuid PRIMARY KEY,
        tier char(1) NOT NULL CHECK (tier IN ('A', 'B', 'C')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const statement of portfolioTableSql('coordination')) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'portfolio_entry',
      'account_tier',
      'sla_policy',
      'calendar_day',
      'escalation',
      'request_audit',
      'request',
      'team_member',
      'department_member',
      'department',
    ]) {
      await runner.query(`DROP TABLE coordination.${table}`);
    }
    await runner.query('DROP FUNCTION coordination.refuse_audit_change()');
    await runner.query('DROP SEQUENCE coordination.request_number_seq');
  }
}
