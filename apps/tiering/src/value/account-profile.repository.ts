import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@gap/contracts';

/**
 * The accounts as the value model needs them, kept from the accounts service's events: size,
 * industry, status, how long they have been customers, their group and cluster leadership.
 * Every handler is an upsert or a replacement, so a redelivered event changes nothing.
 */
@Injectable()
export class AccountProfileRepository {
  async onAccountCreated(
    event: EventEnvelope<'AccountCreated'>,
    manager: EntityManager,
  ): Promise<void> {
    const p = event.payload;
    await manager.query(
      `INSERT INTO tiering.account_profile
         (group_account_id, account_code, industry_code, region_code, employees, status, parent_id,
          group_head_id, customer_since, registered_by)
       VALUES ($1, $8, $2, $3, $4, $5, $6,
               coalesce((SELECT group_head_id FROM tiering.account_profile WHERE group_account_id = $6), $6, $1),
               CASE WHEN $5 = 'ACTIVE' THEN $7::date END, $9)
       ON CONFLICT (group_account_id) DO NOTHING`,
      [
        p.groupAccountId,
        p.industryCode,
        p.regionCode,
        p.employees ?? null,
        p.status,
        p.parentId ?? null,
        event.occurredAt,
        p.accountCode,
        p.registeredBy ?? null,
      ],
    );
  }

  async onAccountUpdated(
    event: EventEnvelope<'AccountUpdated'>,
    manager: EntityManager,
  ): Promise<void> {
    const p = event.payload;
    await manager.query(
      `UPDATE tiering.account_profile
          SET industry_code = $2, region_code = $3, employees = $4, updated_at = now()
        WHERE group_account_id = $1`,
      [p.groupAccountId, p.industryCode, p.regionCode, p.employees],
    );
  }

  /** Tenure counts from the first time the account became a customer. */
  async onAccountStatusChanged(
    event: EventEnvelope<'AccountStatusChanged'>,
    manager: EntityManager,
  ): Promise<void> {
    const p = event.payload;
    await manager.query(
      `UPDATE tiering.account_profile
          SET status = $2,
              customer_since = coalesce(customer_since, CASE WHEN $2 = 'ACTIVE' THEN $3::date END),
              updated_at = now()
        WHERE group_account_id = $1`,
      [p.groupAccountId, p.to, event.occurredAt],
    );
  }

  /** The moved account and everything below it now belong to the new group head. */
  async onAccountHierarchyChanged(
    event: EventEnvelope<'AccountHierarchyChanged'>,
    manager: EntityManager,
  ): Promise<void> {
    const p = event.payload;
    await manager.query(
      `WITH RECURSIVE below AS (
         SELECT $1::uuid AS id
         UNION ALL
         SELECT ap.group_account_id FROM tiering.account_profile ap JOIN below b ON ap.parent_id = b.id
       )
       UPDATE tiering.account_profile
          SET group_head_id = $3, updated_at = now(),
              parent_id = CASE WHEN group_account_id = $1 THEN $2::uuid ELSE parent_id END
        WHERE group_account_id IN (SELECT id FROM below)`,
      [p.groupAccountId, p.parentId, p.groupHeadId],
    );
  }

  async onClusterMembershipChanged(
    event: EventEnvelope<'ClusterMembershipChanged'>,
    manager: EntityManager,
  ): Promise<void> {
    const p = event.payload;
    if (p.change === 'JOINED') {
      await manager.query(
        `INSERT INTO tiering.cluster_membership (cluster_id, group_account_id, role)
         VALUES ($1, $2, $3) ON CONFLICT (cluster_id, group_account_id) DO UPDATE SET role = EXCLUDED.role`,
        [p.clusterId, p.groupAccountId, p.role],
      );
    } else {
      await manager.query(
        'DELETE FROM tiering.cluster_membership WHERE cluster_id = $1 AND group_account_id = $2',
        [p.clusterId, p.groupAccountId],
      );
    }
  }
}
