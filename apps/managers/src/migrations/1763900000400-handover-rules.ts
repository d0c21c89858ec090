import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_HANDOVER_POLICY } from '@gap/managers/domain';
import { freePolicyVersion } from './policy-version.js';

/**
 * The handover rules (minimum shadow period per tier, who may waive a checklist item, the
 * supervisor fallback's capacity) join the manager policy as a new current version, made from
 * the version current now so that what admins set is kept. A waiver's note is measured by
 * what it says (two Chinese characters suffice: 战略客户), so the database asks only for two
 * characters, the least any acceptable reason has. And a LEFT manager may end up primary of
 * nothing: an account may lose its primary assignment only onto the unassigned queue, with
 * nobody accountable recorded there, so it is never silently without a manager.
 */
export class HandoverRules1763900000400 implements MigrationInterface {
  name = 'HandoverRules1763900000400';

  async up(runner: QueryRunner): Promise<void> {
    const [current] = (await runner.query(
      'SELECT version, body FROM managers.manager_policy WHERE is_current',
    )) as { version: string; body: Record<string, unknown> }[];
    if (current && !('handover' in current.body)) {
      const version = await freePolicyVersion(runner, current.version, 'h');
      await runner.query('UPDATE managers.manager_policy SET is_current = false WHERE is_current');
      await runner.query(
        `INSERT INTO managers.manager_policy (version, body, is_current, created_by)
         VALUES ($1, $2, true, 'migration')`,
        [version, JSON.stringify({ ...current.body, version, handover: DEFAULT_HANDOVER_POLICY })],
      );
    }
    const [note] = (await runner.query(
      `SELECT conname FROM pg_constraint
        WHERE conrelid = 'managers.handover_item'::regclass AND contype = 'c'
          AND pg_get_constraintdef(oid) LIKE '%btrim(note)%'`,
    )) as { conname: string }[];
    if (note) {
      await runner.query(`ALTER TABLE managers.handover_item DROP CONSTRAINT "${note.conname}"`);
    }
    await runner.query(
      `ALTER TABLE managers.handover_item ADD CONSTRAINT handover_item_waiver_note
         CHECK (state <> 'WAIVED' OR length(btrim(note)) >= 2)`,
    );
    await runner.query(`
      CREATE OR REPLACE FUNCTION managers.refuse_primary_removal() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM managers.unassignable_account u
                    WHERE u.group_account_id = OLD.group_account_id
                      AND u.current_manager_id IS NULL) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'account % would be left without a primary manager', OLD.group_account_id
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION managers.refuse_primary_removal() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'account % would be left without a primary manager', OLD.group_account_id
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await runner.query(
      'ALTER TABLE managers.handover_item DROP CONSTRAINT handover_item_waiver_note',
    );
    await runner.query(
      `ALTER TABLE managers.handover_item ADD CONSTRAINT handover_item_check
         CHECK (state <> 'WAIVED' OR length(btrim(note)) >= 6) NOT VALID`,
    );
  }
}
