import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { fenAsYuanText, VALUE_INPUT_AMOUNTS, type ValueInputRow } from '@gap/tiering/domain';

/** The value_input column of each amount of a file. */
export const AMOUNT_COLUMNS = {
  voice: 'revenue_voice',
  data: 'revenue_data',
  leasedLine: 'revenue_leased_line',
  fixedLine: 'revenue_fixed_line',
  broadband: 'revenue_broadband',
  groupShortNumber: 'revenue_group_short_number',
  cloud: 'revenue_cloud',
  iot: 'revenue_iot',
  other: 'revenue_other',
  commission: 'cost_commission',
  marketing: 'cost_marketing',
  operating: 'cost_operating',
} as const;

const COLUMNS = VALUE_INPUT_AMOUNTS.map((field) => AMOUNT_COLUMNS[field]);
const COMPARED = [...COLUMNS, 'lines', 'complaints'];

/** An upsert of many account-months in one statement, leaving identical months untouched. */
const UPSERT = `
  INSERT INTO tiering.value_input AS v
      (group_account_id, month, ${COLUMNS.join(', ')}, lines, complaints, loaded_by)
    SELECT u.id, (u.month || '-01')::date, ${COLUMNS.map((c) => `u.${c}`).join(', ')},
           u.lines, u.complaints, $${COLUMNS.length + 5}
      FROM unnest($1::uuid[], $2::text[], ${COLUMNS.map((_, i) => `$${i + 3}::numeric[]`).join(', ')},
                  $${COLUMNS.length + 3}::int[], $${COLUMNS.length + 4}::int[])
        AS u(id, month, ${COLUMNS.join(', ')}, lines, complaints)
    ON CONFLICT (group_account_id, month) DO UPDATE
       SET ${COMPARED.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
           loaded_by = EXCLUDED.loaded_by, loaded_at = now()
     WHERE (${COMPARED.map((c) => `v.${c}`).join(', ')})
           IS DISTINCT FROM (${COMPARED.map((c) => `EXCLUDED.${c}`).join(', ')})
    RETURNING (xmax = 0) AS inserted`;

export interface UpsertCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** The monthly value inputs of tiering's accounts: the only SQL of their import. */
@Injectable()
export class ValueInputRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The group account id of each account code tiering knows. */
  async accountIds(
    codes: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; code: string }[]>(
      `SELECT group_account_id AS id, account_code AS code FROM tiering.account_profile
        WHERE account_code = ANY($1::text[])`,
      [[...new Set(codes)]],
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  async upsert(
    manager: EntityManager,
    rows: readonly (ValueInputRow & { readonly groupAccountId: string })[],
    loadedBy: string,
  ): Promise<UpsertCounts> {
    if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
    const written = await manager.query<{ inserted: boolean }[]>(UPSERT, [
      rows.map((r) => r.groupAccountId),
      rows.map((r) => r.month),
      ...VALUE_INPUT_AMOUNTS.map((field) => rows.map((r) => fenAsYuanText(r.amountsFen[field]))),
      rows.map((r) => r.lines),
      rows.map((r) => r.complaints),
      loadedBy,
    ]);
    const created = written.filter((w) => w.inserted).length;
    return { created, updated: written.length - created, unchanged: rows.length - written.length };
  }
}
