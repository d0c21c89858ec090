import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller, Role } from '@gap/auth';

/** A listener registered on the hub, and who registered it. */
export interface Hub {
  readonly id: string;
  readonly callback: string;
  readonly query: string | null;
  readonly owner: Caller;
}

interface HubRow {
  id: string;
  callback: string;
  query: string | null;
  ownerSubject: string;
  ownerRoles: Role[];
  ownerPartnerId: string | null;
}

const COLUMNS = `id, callback, query, owner_subject AS "ownerSubject", owner_roles AS "ownerRoles",
  owner_partner_id AS "ownerPartnerId"`;

function hubOf(row: HubRow): Hub {
  return {
    id: row.id,
    callback: row.callback,
    query: row.query,
    owner: {
      subject: row.ownerSubject,
      roles: row.ownerRoles,
      ...(row.ownerPartnerId ? { partnerId: row.ownerPartnerId } : {}),
    },
  };
}

/** The TMF621 hub's listeners (coordination.tmf_hub). */
@Injectable()
export class TmfHubRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(hub: Hub): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO coordination.tmf_hub (id, callback, query, owner_subject, owner_roles, owner_partner_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        hub.id,
        hub.callback,
        hub.query,
        hub.owner.subject,
        hub.owner.roles,
        hub.owner.partnerId ?? null,
      ],
    );
  }

  /** The listener, if `subject` registered it (nobody else sees or removes it). */
  async ownedBy(id: string, subject: string): Promise<Hub | null> {
    const [row] = await this.dataSource.query<HubRow[]>(
      `SELECT ${COLUMNS} FROM coordination.tmf_hub WHERE id = $1 AND owner_subject = $2`,
      [id, subject],
    );
    return row ? hubOf(row) : null;
  }

  async delete(id: string, subject: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM coordination.tmf_hub WHERE id = $1 AND owner_subject = $2',
      [id, subject],
    );
    return affected === 1;
  }

  async byId(id: string): Promise<Hub | null> {
    const [row] = await this.dataSource.query<HubRow[]>(
      `SELECT ${COLUMNS} FROM coordination.tmf_hub WHERE id = $1`,
      [id],
    );
    return row ? hubOf(row) : null;
  }

  async all(manager: EntityManager): Promise<Hub[]> {
    const rows = await manager.query<HubRow[]>(
      `SELECT ${COLUMNS} FROM coordination.tmf_hub ORDER BY created_at`,
    );
    return rows.map(hubOf);
  }
}
