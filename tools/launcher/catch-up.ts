import pg from 'pg';

/**
 * How many of the accounts each consuming service has seen so far, read from its own
 * projection: the launcher's progress gauge while the services catch up with the seeding's
 * events. Read-only, and only for the display and the wait: the services own these tables.
 */
const SEEN_ACCOUNTS = {
  accounts: 'SELECT count(*)::int AS n FROM accounts.group_account',
  tiering: 'SELECT count(*)::int AS n FROM tiering.account_profile',
  managers: 'SELECT count(*)::int AS n FROM managers.group_account',
  // The accounts service's portfolio read model: accounts the applied run has valued there.
  portfolio:
    'SELECT count(*)::int AS n FROM accounts.portfolio_account WHERE valued_run_id IS NOT NULL',
} as const;

/** The process whose work moves each projection. */
export const PROJECTION_SERVICE = {
  accounts: 'accounts',
  tiering: 'tiering',
  managers: 'managers',
  portfolio: 'accounts',
} as const satisfies Record<keyof typeof SEEN_ACCOUNTS, string>;

export type Projection = keyof typeof SEEN_ACCOUNTS;

export class CatchUpGauge {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      max: 2,
      application_name: 'launcher:progress',
    });
  }

  async seen(projection: Projection): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(SEEN_ACCOUNTS[projection]);
    return rows[0]?.n ?? 0;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
