import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full group account: describing fields, lifecycle, the group hierarchy as a materialised
 * path (ADR 5), industry clusters and associations, contacts with their dates and consents,
 * and the portfolio read model the visibility rules read.
 */
export class AccountBook1763900000110 implements MigrationInterface {
  name = 'AccountBook1763900000110';

  async up(runner: QueryRunner): Promise<void> {
    // Trigram search of Chinese names. pg_trgm is a trusted extension: the owner may create it.
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public');

    await runner.query(`
      ALTER TABLE accounts.group_account
        ADD COLUMN legal_name text CHECK (char_length(legal_name) BETWEEN 1 AND 200),
        ADD COLUMN employees integer CHECK (employees BETWEEN 0 AND 5000000),
        ADD COLUMN lines_count integer CHECK (lines_count BETWEEN 0 AND 10000000),
        ADD COLUMN founded_on date,
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN updated_by text,
        ADD COLUMN status_reason text,
        ADD COLUMN credit_code_override_reason text,
        ADD COLUMN credit_code_override_by text,
        ADD COLUMN parent_id uuid REFERENCES accounts.group_account (id),
        ADD COLUMN path text COLLATE "C",
        ADD COLUMN depth smallint NOT NULL DEFAULT 1 CHECK (depth >= 1)`);
    await runner.query('UPDATE accounts.group_account SET path = account_code WHERE path IS NULL');
    await runner.query(`
      ALTER TABLE accounts.group_account
        ALTER COLUMN path SET NOT NULL,
        ADD CONSTRAINT group_account_not_own_parent CHECK (parent_id <> id),
        ADD CONSTRAINT group_account_path_ends_with_code
          CHECK (path = account_code OR right(path, char_length(account_code) + 1) = '/' || account_code),
        ADD CONSTRAINT group_account_depth_matches_path
          CHECK (depth = char_length(path) - char_length(replace(path, '/', '')) + 1)`);
    // Descendants of a node are one range of this index, already in tree order.
    await runner.query(
      'CREATE UNIQUE INDEX group_account_path_key ON accounts.group_account (path)',
    );
    await runner.query(
      'CREATE INDEX group_account_parent_idx ON accounts.group_account (parent_id)',
    );
    // Finding accounts: the common filters, then the sort keys with the id as tie-breaker.
    // A region filter names a district, a city or a province; each level has its index, so
    // that a filtered page sorted by name is read in order rather than sorted.
    await runner.query(`
      CREATE INDEX group_account_filter_idx
        ON accounts.group_account (industry_code, status, region_code, name, id)`);
    await runner.query(`
      CREATE INDEX group_account_filter_city_idx
        ON accounts.group_account (industry_code, status, left(region_code, 4), name, id)`);
    await runner.query(`
      CREATE INDEX group_account_filter_province_idx
        ON accounts.group_account (industry_code, status, left(region_code, 2), name, id)`);
    await runner.query('CREATE INDEX group_account_name_idx ON accounts.group_account (name, id)');
    await runner.query(
      'CREATE INDEX group_account_name_trgm_idx ON accounts.group_account USING gin (name public.gin_trgm_ops)',
    );
    await runner.query(
      'CREATE INDEX group_account_tags_idx ON accounts.group_account USING gin (tags)',
    );

    await runner.query(`
      CREATE TABLE accounts.industry_cluster (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        industry_code text NOT NULL,
        region_code char(6) NOT NULL,
        leader_account_id uuid NOT NULL REFERENCES accounts.group_account (id),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT industry_cluster_name_key UNIQUE (name)
      )`);
    await runner.query(
      'CREATE INDEX industry_cluster_leader_idx ON accounts.industry_cluster (leader_account_id)',
    );
    await runner.query(`
      CREATE TABLE accounts.cluster_supporter (
        cluster_id uuid NOT NULL REFERENCES accounts.industry_cluster (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts.group_account (id),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cluster_id, account_id)
      )`);
    await runner.query(
      'CREATE INDEX cluster_supporter_account_idx ON accounts.cluster_supporter (account_id)',
    );

    await runner.query(`
      CREATE TABLE accounts.industry_association (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        industry_code text,
        region_code char(6),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT industry_association_name_key UNIQUE (name)
      )`);
    await runner.query(`
      CREATE TABLE accounts.association_member (
        association_id uuid NOT NULL REFERENCES accounts.industry_association (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES accounts.group_account (id),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (association_id, account_id)
      )`);
    await runner.query(
      'CREATE INDEX association_member_account_idx ON accounts.association_member (account_id)',
    );

    // An erased contact keeps its row as an anonymous stub; the constraint makes sure that
    // nothing personal can stay on it, whatever code wrote it.
    await runner.query(`
      CREATE TABLE accounts.contact (
        id uuid PRIMARY KEY,
        group_account_id uuid NOT NULL REFERENCES accounts.group_account (id),
        name text CHECK (char_length(name) BETWEEN 1 AND 100),
        title text,
        role text NOT NULL CHECK (role IN ('DECISION_MAKER', 'IT_LEAD', 'FINANCE', 'USER', 'OTHER')),
        mobile text CHECK (mobile ~ '^\\+861[3-9][0-9]{9}$'),
        office_phone text CHECK (office_phone ~ '^\\+86[1-9][0-9]{8,11}$'),
        email text,
        preferred_channel text NOT NULL CHECK (preferred_channel IN ('PHONE', 'SMS', 'EMAIL', 'VISIT')),
        birthday date,
        erased_at timestamptz,
        erased_by text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT contact_named_unless_erased CHECK ((name IS NULL) = (erased_at IS NOT NULL)),
        CONSTRAINT contact_erased_is_anonymous CHECK (
          erased_at IS NULL OR (title IS NULL AND mobile IS NULL AND office_phone IS NULL
                                AND email IS NULL AND birthday IS NULL))
      )`);
    await runner.query(
      'CREATE INDEX contact_account_idx ON accounts.contact (group_account_id, created_at, id)',
    );
    await runner.query(`
      CREATE INDEX contact_birthday_idx ON accounts.contact
        ((extract(month FROM birthday)::int * 100 + extract(day FROM birthday)::int))
        WHERE birthday IS NOT NULL`);
    await runner.query(`
      CREATE TABLE accounts.contact_key_date (
        id uuid PRIMARY KEY,
        contact_id uuid NOT NULL REFERENCES accounts.contact (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('LINE_ACTIVATION_ANNIVERSARY', 'OFFICE_MOVE', 'CUSTOM')),
        date date NOT NULL,
        label text,
        yearly boolean NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX contact_key_date_contact_idx ON accounts.contact_key_date (contact_id)',
    );
    await runner.query(`
      CREATE INDEX contact_key_date_month_day_idx ON accounts.contact_key_date
        ((extract(month FROM date)::int * 100 + extract(day FROM date)::int))`);
    // Consents are the evidence of lawful contact: kept after erasure, they hold no personal data.
    await runner.query(`
      CREATE TABLE accounts.contact_consent (
        id uuid PRIMARY KEY,
        contact_id uuid NOT NULL REFERENCES accounts.contact (id),
        purpose text NOT NULL CHECK (purpose IN ('SERVICE_CONTACT', 'MARKETING', 'CARE_GREETINGS')),
        given boolean NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by text NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX contact_consent_contact_idx ON accounts.contact_consent (contact_id, recorded_at)',
    );
    // A key date is announced once per occurrence, however often the daily scan runs.
    await runner.query(`
      CREATE TABLE accounts.key_date_notice (
        source_id uuid NOT NULL,
        kind text NOT NULL,
        occurs_on date NOT NULL,
        announced_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source_id, kind, occurs_on)
      )`);

    // Who may see which account, fed by the managers service's events.
    await runner.query(`
      CREATE TABLE accounts.portfolio_entry (
        group_account_id uuid NOT NULL,
        subject text NOT NULL,
        relation text NOT NULL CHECK (relation IN ('PRIMARY', 'TEAM', 'SUPERVISOR')),
        since timestamptz NOT NULL,
        PRIMARY KEY (group_account_id, relation, subject)
      )`);
    await runner.query(
      'CREATE INDEX portfolio_entry_subject_idx ON accounts.portfolio_entry (subject, group_account_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'portfolio_entry',
      'key_date_notice',
      'contact_consent',
      'contact_key_date',
      'contact',
      'association_member',
      'industry_association',
      'cluster_supporter',
      'industry_cluster',
    ]) {
      await runner.query(`DROP TABLE accounts.${table}`);
    }
    for (const index of [
      'path_key',
      'parent_idx',
      'filter_idx',
      'filter_city_idx',
      'filter_province_idx',
      'name_idx',
      'name_trgm_idx',
      'tags_idx',
    ]) {
      await runner.query(`DROP INDEX accounts.group_account_${index}`);
    }
    await runner.query(`
      ALTER TABLE accounts.group_account
        DROP COLUMN legal_name, DROP COLUMN employees, DROP COLUMN lines_count,
        DROP COLUMN founded_on, DROP COLUMN tags, DROP COLUMN updated_by,
        DROP COLUMN status_reason, DROP COLUMN credit_code_override_reason,
        DROP COLUMN credit_code_override_by, DROP COLUMN parent_id, DROP COLUMN path,
        DROP COLUMN depth`);
  }
}
