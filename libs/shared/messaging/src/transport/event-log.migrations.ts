import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventLogSchema1763900000000 implements MigrationInterface {
  name = 'EventLogSchema1763900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE event_log.topics (
        name text PRIMARY KEY,
        next_offset bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE event_log.records (
        topic text NOT NULL REFERENCES event_log.topics (name),
        "offset" bigint NOT NULL,
        key text,
        value text NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        appended_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (topic, "offset")
      )`);
    await runner.query(`
      CREATE TABLE event_log.consumer_offsets (
        group_id text NOT NULL,
        topic text NOT NULL REFERENCES event_log.topics (name),
        committed_offset bigint NOT NULL DEFAULT -1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (group_id, topic)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE event_log.consumer_offsets');
    await runner.query('DROP TABLE event_log.records');
    await runner.query('DROP TABLE event_log.topics');
  }
}

export const EVENT_LOG_SCHEMA = 'event_log';
export const EVENT_LOG_MIGRATIONS = [EventLogSchema1763900000000];
