import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_REBALANCE_BALANCE } from '@gap/managers/domain';
import { freePolicyVersion } from './policy-version.js';

/**
 * The rebalance's load-share band (every manager who may take accounts between 0.6 and 1.0 of
 * the most they may carry, a balancing move adding at most 20 per point) joins the manager
 * policy as a new current version, made from the version current now so that what admins set
 * is kept, as migration 1763900000400 did for the handover rules.
 */
export class RebalanceBalance1763900000600 implements MigrationInterface {
  name = 'RebalanceBalance1763900000600';

  async up(runner: QueryRunner): Promise<void> {
    const [current] = (await runner.query(
      'SELECT version, body FROM managers.manager_policy WHERE is_current',
    )) as { version: string; body: Record<string, unknown> }[];
    if (!current || 'rebalance' in current.body) return;
    const version = await freePolicyVersion(runner, current.version, 'r');
    await runner.query('UPDATE managers.manager_policy SET is_current = false WHERE is_current');
    await runner.query(
      `INSERT INTO managers.manager_policy (version, body, is_current, created_by)
       VALUES ($1, $2, true, 'migration')`,
      [version, JSON.stringify({ ...current.body, version, rebalance: DEFAULT_REBALANCE_BALANCE })],
    );
  }

  /** The version made by `up` is kept: later versions may have been made from it. */
  async down(): Promise<void> {}
}
