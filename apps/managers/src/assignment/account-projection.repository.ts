import { Injectable } from '@nestjs/common';
import type { EventPayload } from '@gap/contracts';
import type { Tx } from './assignment.repository.js';

/** The accounts as this service knows them, kept from the accounts and tiering events. */
@Injectable()
export class AccountProjectionRepository {
  async updateAccount(tx: Tx, p: EventPayload<'AccountUpdated'>): Promise<void> {
    await tx.query(
      `UPDATE managers.group_account SET name = $2, region_code = $3, industry_code = $4 WHERE id = $1`,
      [p.groupAccountId, p.name, p.regionCode, p.industryCode],
    );
  }

  /** Sets the account's status; returns the one it had (nothing for an unknown account). */
  async setAccountStatus(tx: Tx, id: string, status: string): Promise<string | undefined> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [[row]] = await tx.query<[{ previous: string }[], number]>(
      `WITH old AS (SELECT status FROM managers.group_account WHERE id = $1)
       UPDATE managers.group_account SET status = $2 WHERE id = $1
       RETURNING (SELECT status FROM old) AS previous`,
      [id, status],
    );
    return row?.previous;
  }

  async setTier(tx: Tx, accountId: string, tier: string): Promise<void> {
    await tx.query(
      `INSERT INTO managers.account_tier (group_account_id, tier) VALUES ($1, $2)
       ON CONFLICT (group_account_id) DO UPDATE SET tier = EXCLUDED.tier, updated_at = now()`,
      [accountId, tier],
    );
  }
}
