import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A closed request as the scorecard counts it. */
export interface Outcome {
  readonly requestId: string;
  readonly accountId: string;
  readonly complaint: boolean;
  readonly satisfaction: number | null;
  readonly at: string;
}

/**
 * The closed requests the scorecard counts (managers.coordination_outcome). Event handlers'
 * writes: in the consumer's transaction, idempotent on their own.
 */
@Injectable()
export class CoordinationWorkRepository {
  /**
   * Records a closed request (its latest closure wins), credited to the account's primary
   * manager now; a complaint's satisfaction joins the same row.
   */
  async closed(manager: EntityManager, outcome: Outcome): Promise<void> {
    await manager.query(
      `INSERT INTO managers.coordination_outcome
         (request_id, group_account_id, manager_id, complaint, satisfaction, closed_at)
       SELECT $1, $2, (SELECT manager_id FROM managers.primary_assignment WHERE group_account_id = $2),
              $3, $4, $5
       ON CONFLICT (request_id) DO UPDATE
         SET manager_id = EXCLUDED.manager_id, complaint = EXCLUDED.complaint,
             satisfaction = COALESCE(EXCLUDED.satisfaction, managers.coordination_outcome.satisfaction),
             closed_at = EXCLUDED.closed_at`,
      [outcome.requestId, outcome.accountId, outcome.complaint, outcome.satisfaction, outcome.at],
    );
  }
}
