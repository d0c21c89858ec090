import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The listeners registered on the TMF621 event hub: where to post, which events, and who
 * registered them (a listener is told only of the tickets its owner may see).
 */
export class TmfHub1763900000760 implements MigrationInterface {
  name = 'TmfHub1763900000760';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE coordination.tmf_hub (
      id uuid PRIMARY KEY,
      callback text NOT NULL,
      query text,
      owner_subject text NOT NULL,
      owner_roles text[] NOT NULL,
      owner_partner_id text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE coordination.tmf_hub');
  }
}
