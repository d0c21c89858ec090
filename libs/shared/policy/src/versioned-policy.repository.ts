import type { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '@gap/database';
import { DomainError } from '@gap/errors';

/** A policy as stored: the document, and who made which version when. */
export interface StoredPolicy<P> {
  readonly policy: P;
  readonly version: string;
  readonly isCurrent: boolean;
  readonly createdBy: string;
  readonly createdAt: Date;
}

interface PolicyRow<P> {
  version: string;
  body: P;
  isCurrent: boolean;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `version, body, is_current AS "isCurrent", created_by AS "createdBy", created_at AS "createdAt"`;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The table of a versioned policy, for a service's migration: one row per version, never
 * edited, at most one current. `initial` is installed as the current version.
 */
export function policyTableSql(schema: string, table: string): string[] {
  assertIdentifier(schema);
  assertIdentifier(table);
  return [
    `CREATE TABLE ${schema}.${table} (
       version text PRIMARY KEY,
       body jsonb NOT NULL,
       is_current boolean NOT NULL DEFAULT false,
       created_by text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE UNIQUE INDEX ${table}_one_current ON ${schema}.${table} (is_current) WHERE is_current`,
  ];
}

function assertIdentifier(name: string): void {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
}

/**
 * A versioned policy store (tiering's value model, the managers' grades and capacities, and
 * every later policy): admins add a version and may make it current; versions are never
 * edited, so every decision taken under one stays explainable. The document is stored as it
 * is given, its version in its own column.
 */
export class VersionedPolicyRepository<P extends { readonly version: string }> {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    table: string,
    /** What the policy is called in errors, e.g. "tiering policy". */
    private readonly label: { readonly 'zh-CN': string; readonly en: string },
  ) {
    assertIdentifier(schema);
    assertIdentifier(table);
    this.table = `${schema}.${table}`;
    this.pkey = `${table}_pkey`;
  }

  private readonly pkey: string;

  /** The current version; the migrations install one, so its absence is a broken install. */
  async current(manager: EntityManager = this.dataSource.manager): Promise<P> {
    const [row] = await manager.query<PolicyRow<P>[]>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE is_current`,
    );
    if (!row) throw new Error(`No current ${this.label.en}: the migrations install one.`);
    return this.document(row);
  }

  /**
   * One version; refused as POLICY_NOT_FOUND naming `field` when there is none. Inside a
   * transaction, read on its `manager`: a second connection per transaction starves the pool.
   */
  async byVersion(version: string, field = 'policyVersion', manager?: EntityManager): Promise<P> {
    const [row] = await (manager ?? this.dataSource).query<PolicyRow<P>[]>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE version = $1`,
      [version],
    );
    if (!row) {
      throw DomainError.notFound(
        'POLICY_NOT_FOUND',
        {
          'zh-CN': `没有版本为 ${version} 的${this.label['zh-CN']}。`,
          en: `No ${this.label.en} ${version}.`,
        },
        field,
      );
    }
    return this.document(row);
  }

  /** Every version, newest first. */
  async list(): Promise<StoredPolicy<P>[]> {
    const rows = await this.dataSource.query<PolicyRow<P>[]>(
      `SELECT ${COLUMNS} FROM ${this.table} ORDER BY created_at DESC, version`,
    );
    return rows.map((row) => this.stored(row));
  }

  /**
   * Adds a version (refused as POLICY_VERSION_TAKEN if it exists) and, if asked, makes it the
   * current one. Concurrent additions take turns, so exactly one version is current after.
   */
  async create(policy: P, makeCurrent: boolean, createdBy: string): Promise<StoredPolicy<P>> {
    try {
      const row = await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.table]);
        if (makeCurrent) {
          await manager.query(`UPDATE ${this.table} SET is_current = false WHERE is_current`);
        }
        const [inserted] = await manager.query<PolicyRow<P>[]>(
          `INSERT INTO ${this.table} (version, body, is_current, created_by)
           VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
          [policy.version, JSON.stringify(policy), makeCurrent, createdBy],
        );
        if (!inserted) throw new Error(`${this.table}: the insert returned no row.`);
        return inserted;
      });
      return this.stored(row);
    } catch (error) {
      if (isUniqueViolation(error, this.pkey)) {
        throw DomainError.conflict(
          'POLICY_VERSION_TAKEN',
          {
            'zh-CN': `${this.label['zh-CN']}版本 ${policy.version} 已存在；版本一经创建不可修改。`,
            en: `${capitalised(this.label.en)} version ${policy.version} already exists; versions are never edited.`,
          },
          'input.version',
        );
      }
      throw error;
    }
  }

  private document(row: PolicyRow<P>): P {
    return { ...row.body, version: row.version };
  }

  private stored(row: PolicyRow<P>): StoredPolicy<P> {
    return {
      policy: this.document(row),
      version: row.version,
      isCurrent: row.isCurrent,
      createdBy: row.createdBy,
      createdAt: row.createdAt,
    };
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
