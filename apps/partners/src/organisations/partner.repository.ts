import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PartnerStatus } from '@gap/partners/domain';
import type { PartnerFields, PartnerRecord } from './partner.model.js';

type Tx = EntityManager;

const COLUMNS = `id, code, name, type, level, region_prefixes AS "regionPrefixes",
  industry_sections AS "industrySections", contract_starts_on AS "contractStartsOn",
  contract_ends_on AS "contractEndsOn", status, status_reason AS "statusReason", contacts,
  version, created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface PartnerListFilter {
  readonly types?: readonly string[] | null;
  readonly statuses?: readonly string[] | null;
  /** Partners whose regions cover this code: one of its prefixes begins it. */
  readonly regionCode?: string | null;
  readonly search?: string | null;
}

/** Where the previous page ended: the name and the id of its last partner. */
export type PartnerPosition = readonly [string, string];

/** Escapes `%`, `_` and `\` so that a search is a literal part of the name or the code. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The partner organisations (partners.partner). A change names the version it was made on and
 * takes effect only if that is still the stored one, bumping it.
 */
@Injectable()
export class PartnerRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async find(id: string, manager: Tx = this.dataSource.manager): Promise<PartnerRecord | null> {
    const [row] = await manager.query<PartnerRecord[]>(
      `SELECT ${COLUMNS} FROM partners.partner WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The partner, locked for the rest of the transaction. */
  async lock(tx: Tx, id: string): Promise<PartnerRecord | null> {
    const [row] = await tx.query<PartnerRecord[]>(
      `SELECT ${COLUMNS} FROM partners.partner WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** A page of partners by name, then id, after `after`; `limit` rows at most. */
  async list(
    filter: PartnerListFilter,
    limit: number,
    after: PartnerPosition | null,
  ): Promise<PartnerRecord[]> {
    return this.dataSource.query<PartnerRecord[]>(
      `SELECT ${COLUMNS} FROM partners.partner
        WHERE ($1::text[] IS NULL OR type = ANY($1))
          AND ($2::text[] IS NULL OR status = ANY($2))
          AND ($3::text IS NULL OR EXISTS (
                SELECT 1 FROM unnest(region_prefixes) AS p WHERE starts_with($3, p)))
          AND ($4::text IS NULL OR name ILIKE '%' || $4 || '%' OR code ILIKE '%' || $4 || '%')
          AND ($5::text IS NULL OR (name, id) > ($5, $6::uuid))
        ORDER BY name, id
        LIMIT $7`,
      [
        filter.types?.length ? filter.types : null,
        filter.statuses?.length ? filter.statuses : null,
        filter.regionCode ?? null,
        filter.search ? literal(filter.search) : null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit,
      ],
    );
  }

  /** Adds the partner, active; false when its code is taken. */
  async insert(
    tx: Tx,
    partner: PartnerFields & { id: string; code: string },
    by: string,
  ): Promise<boolean> {
    const rows = await tx.query<unknown[]>(
      `INSERT INTO partners.partner (id, code, name, type, level, region_prefixes, industry_sections,
         contract_starts_on, contract_ends_on, contacts, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (code) DO NOTHING
       RETURNING id`,
      [
        partner.id,
        partner.code,
        partner.name,
        partner.type,
        partner.level,
        partner.regionPrefixes,
        partner.industrySections,
        partner.contractStartsOn,
        partner.contractEndsOn,
        JSON.stringify(partner.contacts),
        by,
      ],
    );
    return rows.length > 0;
  }

  /** Replaces the describing fields of the locked partner; returns the new version. */
  async update(tx: Tx, id: string, fields: PartnerFields): Promise<number> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [[row]] = await tx.query<[{ version: number }[], number]>(
      `UPDATE partners.partner SET name = $2, type = $3, level = $4, region_prefixes = $5,
         industry_sections = $6, contract_starts_on = $7, contract_ends_on = $8, contacts = $9,
         version = version + 1, updated_at = now()
        WHERE id = $1
        RETURNING version`,
      [
        id,
        fields.name,
        fields.type,
        fields.level,
        fields.regionPrefixes,
        fields.industrySections,
        fields.contractStartsOn,
        fields.contractEndsOn,
        JSON.stringify(fields.contacts),
      ],
    );
    return row?.version ?? 0;
  }

  async setStatus(tx: Tx, id: string, status: PartnerStatus, reason: string): Promise<number> {
    // An UPDATE answers [rows, count] through TypeORM.
    const [[row]] = await tx.query<[{ version: number }[], number]>(
      `UPDATE partners.partner SET status = $2, status_reason = $3, version = version + 1,
         updated_at = now()
        WHERE id = $1
        RETURNING version`,
      [id, status, reason],
    );
    return row?.version ?? 0;
  }
}
