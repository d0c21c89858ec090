import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A lead is open while someone may still work it; closed and duplicate leads hold nothing. */
const OPEN = `state IN ('RECEIVED', 'QUALIFIED', 'IN_CONFLICT', 'ASSIGNED', 'CONTACTED')`;

/**
 * Partners' leads and referrals, their de-duplication outcome and conflict, their history,
 * and partners' deal registrations. A lead keeps as little of the person behind it as the
 * manager needs to call: a name, a phone, an email.
 */
export class Leads1763900000920 implements MigrationInterface {
  name = 'Leads1763900000920';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await runner.query(`
      CREATE TABLE partners.lead (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partners.partner (id),
        partner_reference text,
        kind text NOT NULL CHECK (kind IN ('LEAD', 'REFERRAL')),
        credit_code text,
        company_name text NOT NULL,
        normalised_name text NOT NULL,
        name_pinyin text NOT NULL,
        region_code text NOT NULL,
        industry_section text NOT NULL,
        contact_name text,
        contact_phone text,
        contact_email text,
        priority text NOT NULL CHECK (priority IN ('P1', 'P2', 'P3')),
        state text NOT NULL CHECK (state IN ('RECEIVED', 'QUALIFIED', 'DUPLICATE', 'IN_CONFLICT',
          'ASSIGNED', 'CONTACTED', 'CONVERTED', 'LOST')),
        dedupe_outcome text NOT NULL CHECK (dedupe_outcome IN ('NEW', 'MATCH', 'POSSIBLE_DUPLICATE')),
        dedupe_score numeric(3, 2),
        dedupe_evidence jsonb NOT NULL DEFAULT '[]',
        matched_account_id uuid,
        matched_lead_id uuid,
        review_pending boolean NOT NULL DEFAULT false,
        group_account_id uuid,
        prospect_requested boolean NOT NULL DEFAULT false,
        duplicate_of_kind text CHECK (duplicate_of_kind IN ('ACCOUNT', 'LEAD')),
        duplicate_of_id uuid,
        conflict jsonb,
        manager_id text,
        supervisor_id text,
        assigned_at timestamptz,
        first_contact_due_at timestamptz,
        first_contact_at timestamptz,
        closed_at timestamptz,
        lost_reason text,
        lost_note text,
        received_at timestamptz NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open lead per partner and company: a partner's retry finds the lead it already sent.
    await runner.query(`
      CREATE UNIQUE INDEX lead_partner_credit_code_open_idx ON partners.lead (partner_id, credit_code)
       WHERE credit_code IS NOT NULL AND ${OPEN}`);
    await runner.query(`
      CREATE UNIQUE INDEX lead_partner_reference_idx ON partners.lead (partner_id, partner_reference)
       WHERE partner_reference IS NOT NULL`);
    await runner.query(
      `CREATE INDEX lead_credit_code_open_idx ON partners.lead (credit_code) WHERE ${OPEN}`,
    );
    await runner.query(
      'CREATE INDEX lead_normalised_name_trgm_idx ON partners.lead USING gin (normalised_name gin_trgm_ops)',
    );
    await runner.query('CREATE INDEX lead_name_pinyin_idx ON partners.lead (name_pinyin)');
    await runner.query(
      'CREATE INDEX lead_partner_received_idx ON partners.lead (partner_id, received_at DESC, id)',
    );
    await runner.query('CREATE INDEX lead_manager_idx ON partners.lead (manager_id, state)');
    await runner.query('CREATE INDEX lead_account_idx ON partners.lead (group_account_id)');
    await runner.query(
      'CREATE INDEX lead_review_idx ON partners.lead (received_at, id) WHERE review_pending',
    );
    // The projection's names are compared by sound as well as by trigrams.
    await runner.query(
      'CREATE INDEX IF NOT EXISTS account_name_pinyin_idx ON partners.account (name_pinyin)',
    );

    await runner.query(`
      CREATE TABLE partners.lead_history (
        id bigserial PRIMARY KEY,
        lead_id uuid NOT NULL REFERENCES partners.lead (id),
        event text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        actor text NOT NULL,
        figures jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX lead_history_lead_idx ON partners.lead_history (lead_id, id)');

    await runner.query(`
      CREATE TABLE partners.deal_registration (
        id uuid PRIMARY KEY,
        partner_id uuid NOT NULL REFERENCES partners.partner (id),
        credit_code text NOT NULL,
        group_account_id uuid,
        registered_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > registered_at),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'EXPIRED', 'WITHDRAWN')),
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A partner holds one live registration per company; a retry finds it.
    await runner.query(`
      CREATE UNIQUE INDEX deal_registration_partner_code_idx
        ON partners.deal_registration (partner_id, credit_code) WHERE status = 'ACTIVE'`);
    await runner.query(
      'CREATE INDEX deal_registration_code_idx ON partners.deal_registration (credit_code, status)',
    );
    await runner.query(
      'CREATE INDEX deal_registration_account_idx ON partners.deal_registration (group_account_id)',
    );
    await runner.query(
      'CREATE INDEX deal_registration_partner_idx ON partners.deal_registration (partner_id, registered_at DESC, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE partners.deal_registration');
    await runner.query('DROP TABLE partners.lead_history');
    await runner.query('DROP TABLE partners.lead');
    await runner.query('DROP INDEX IF EXISTS partners.account_name_pinyin_idx');
  }
}
