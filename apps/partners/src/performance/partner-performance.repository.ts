import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A partner's leads over a window, counted in one statement. */
export interface PartnerPerformanceRow {
  readonly leads: number;
  readonly duplicates: number;
  readonly inConflict: number;
  readonly qualified: number;
  readonly converted: number;
  readonly lost: number;
  readonly contacted: number;
  readonly contactedInTime: number;
  readonly medianHoursToFirstContact: number | null;
}

/** The leads of partners.lead a partner brought, read for its performance. */
@Injectable()
export class PartnerPerformanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts over the partner's leads received since `since` (its `lead_partner_received_idx`):
   * a lead is qualified once it is a company to work (qualified, then assigned, or further);
   * the first contact is timed from the assignment.
   */
  async of(partnerId: string, since: Date): Promise<PartnerPerformanceRow> {
    const [row] = await this.dataSource.query<PartnerPerformanceRow[]>(
      `SELECT count(*)::int AS leads,
              count(*) FILTER (WHERE state = 'DUPLICATE')::int AS duplicates,
              count(*) FILTER (WHERE conflict IS NOT NULL)::int AS "inConflict",
              count(*) FILTER (WHERE state = 'QUALIFIED' OR assigned_at IS NOT NULL)::int
                AS qualified,
              count(*) FILTER (WHERE state = 'CONVERTED')::int AS converted,
              count(*) FILTER (WHERE state = 'LOST')::int AS lost,
              count(first_contact_at)::int AS contacted,
              count(*) FILTER (WHERE first_contact_at <= first_contact_due_at)::int
                AS "contactedInTime",
              (percentile_cont(0.5) WITHIN GROUP (
                 ORDER BY extract(epoch FROM first_contact_at - assigned_at) / 3600)
                 FILTER (WHERE first_contact_at IS NOT NULL AND assigned_at IS NOT NULL)
              )::float8 AS "medianHoursToFirstContact"
         FROM partners.lead
        WHERE partner_id = $1 AND received_at >= $2`,
      [partnerId, since],
    );
    return (
      row ?? {
        leads: 0,
        duplicates: 0,
        inConflict: 0,
        qualified: 0,
        converted: 0,
        lost: 0,
        contacted: 0,
        contactedInTime: 0,
        medianHoursToFirstContact: null,
      }
    );
  }
}
