/**
 * The portfolio read model's table in a schema: the live one (`accounts`) and the one a rebuild
 * fills before it is compared with, or replaces, the live one.
 */
export function portfolioAccountTableSql(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.portfolio_account (
       group_account_id uuid PRIMARY KEY,
       tier char(1) CHECK (tier IN ('A', 'B', 'C')),
       tier_change text NOT NULL DEFAULT 'NONE' CHECK (tier_change IN ('UP', 'DOWN', 'NONE')),
       segment text CHECK (segment IN ('VALUE', 'SECONDARY_VALUE', 'POTENTIAL_VALUE', 'LOW_VALUE')),
       current_value bigint NOT NULL DEFAULT 0,
       potential_value bigint NOT NULL DEFAULT 0,
       valued_run_id uuid,
       primary_manager_id text,
       supervisor_id text,
       team text[] NOT NULL DEFAULT '{}',
       handover_state text NOT NULL DEFAULT 'NONE'
         CHECK (handover_state IN ('NONE', 'PLANNED', 'SHADOWING', 'OVERDUE')),
       handover_id uuid,
       handover_to_manager_id text,
       changed_at timestamptz NOT NULL,
       applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
     )`,
    // A tier and segment, most valuable first: the portfolio's first question.
    `CREATE INDEX portfolio_account_tier_value_idx
       ON ${schema}.portfolio_account (tier, segment, current_value, group_account_id)`,
    `CREATE INDEX portfolio_account_value_idx
       ON ${schema}.portfolio_account (current_value, group_account_id)`,
    `CREATE INDEX portfolio_account_manager_idx
       ON ${schema}.portfolio_account (primary_manager_id)`,
    // The newest application, for the freshness every answer reports.
    `CREATE INDEX portfolio_account_applied_idx ON ${schema}.portfolio_account (applied_at)`,
  ];
}

/**
 * Where the account is and its status, copied from its own events (migration 1763900000130):
 * a tier and segment in a region, most valuable first, and its facets, read from the model
 * alone. Null until the account's creation has been folded.
 */
export function portfolioAccountPlaceSql(schema: string): { columns: string; indexes: string[] } {
  return {
    columns: `ALTER TABLE ${schema}.portfolio_account
       ADD COLUMN region_code char(6),
       ADD COLUMN status text`,
    indexes: [
      // The tier-and-segment index again, now answering "in this city" from the index alone
      // (a page walks it by value and skips other cities' entries without reading their rows).
      `DROP INDEX IF EXISTS ${schema}.portfolio_account_tier_value_idx`,
      `CREATE INDEX portfolio_account_tier_value_idx
         ON ${schema}.portfolio_account (tier, segment, current_value, group_account_id)
         INCLUDE (region_code, status)`,
      // A district's page in value order, and a city's or province's facets, as a range.
      `CREATE INDEX portfolio_account_tier_region_value_idx
         ON ${schema}.portfolio_account (tier, segment, region_code, current_value, group_account_id)
         INCLUDE (status)`,
    ],
  };
}
