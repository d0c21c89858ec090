import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/auth';
import { DomainError } from '@gap/errors';
import { decodeCursor, toConnection, type Connection } from '@gap/graphql';
import { PARTNERS_PERMISSIONS } from '@gap/partners/domain';
import type { PartnerFilterInput } from './dto/partner.input.js';
import { PartnerErrors } from './partner.errors.js';
import type { PartnerRecord } from './partner.model.js';
import { PartnerRepository, type PartnerPosition } from './partner.repository.js';

/** Reading the partner organisations: the operator's admins. */
@Injectable()
export class PartnerQueriesService {
  constructor(private readonly partners: PartnerRepository) {}

  async byId(caller: Caller, id: string): Promise<PartnerRecord> {
    authorize(PARTNERS_PERMISSIONS, 'partner', caller);
    const partner = await this.partners.find(id);
    if (!partner) throw PartnerErrors.notFound(id, 'id');
    return partner;
  }

  /** Partners by name, a page at a time. */
  async list(
    caller: Caller,
    filter: PartnerFilterInput,
    page: { first: number; after?: string | null },
  ): Promise<Connection<PartnerRecord>> {
    authorize(PARTNERS_PERMISSIONS, 'partners', caller);
    const after = page.after ? positionOf(decodeCursor(page.after)) : null;
    const rows = await this.partners.list(filter, page.first + 1, after);
    return toConnection(rows, page.first, (row) => [row.name, row.id]);
  }
}

function positionOf(position: readonly (string | number)[]): PartnerPosition {
  const [name, id] = position;
  if (typeof name !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) {
    // A cursor of another list (or edited by hand) would otherwise fail in SQL.
    throw DomainError.invalidInput([
      { field: 'after', reason: 'cursor', message: 'after is not a cursor this API gave out.' },
    ]);
  }
  return [name, id];
}
