import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { LeadState } from '@gap/partners/domain';
import type { LeadRecord } from '../leads/lead.model.js';
import { toRecord, type LeadRow } from '../leads/lead.row.js';

/** Which of a partner's leads a TMF list asks for. */
export interface PartyFilter {
  readonly partnerId: string;
  readonly states: readonly LeadState[];
  readonly name: string | null;
  readonly creditCode: string | null;
  readonly leadId: string | null;
}

export interface PartyPage {
  readonly total: number;
  readonly leads: LeadRecord[];
}

const WHERE = `partner_id = $1::uuid AND state = ANY($2::text[])
  AND ($3::text IS NULL OR company_name = $3)
  AND ($4::text IS NULL OR credit_code = $4)
  AND ($5::uuid IS NULL OR id = $5::uuid)`;

/** A partner's leads read as TMF parties: newest first, by offset, with the total. */
@Injectable()
export class PartyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(filter: PartyFilter, offset: number, limit: number): Promise<PartyPage> {
    const params = [filter.partnerId, filter.states, filter.name, filter.creditCode, filter.leadId];
    const rows = await this.dataSource.query<(LeadRow & { total: string })[]>(
      `SELECT *, count(*) OVER () AS total FROM partners.lead WHERE ${WHERE}
        ORDER BY received_at DESC, id DESC OFFSET $6 LIMIT $7`,
      [...params, offset, limit],
    );
    if (rows[0]) return { total: Number(rows[0].total), leads: rows.map(toRecord) };
    if (offset === 0) return { total: 0, leads: [] };
    const [count] = await this.dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM partners.lead WHERE ${WHERE}`,
      params,
    );
    return { total: Number(count?.n ?? 0), leads: [] };
  }

  /**
   * One of the partner's leads in these states (null: any), or null (another partner's is not
   * found); in `manager`'s transaction when given.
   */
  async find(
    partnerId: string,
    id: string,
    states: readonly LeadState[] | null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LeadRecord | null> {
    const [row] = await manager.query<LeadRow[]>(
      `SELECT * FROM partners.lead WHERE id = $1::uuid AND partner_id = $2::uuid
          AND ($3::text[] IS NULL OR state = ANY($3::text[]))`,
      [id, partnerId, states],
    );
    return row ? toRecord(row) : null;
  }
}
