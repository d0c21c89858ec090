import { Injectable } from '@nestjs/common';
import { authorize, type Caller } from '@gap/authz';
import { HANDOVER_PERMISSIONS, type HandoverOperation } from '@gap/managers/domain';
import { ManagerVisibility } from '../visibility/manager-visibility.js';
import { HandoverAccess } from './handover-access.js';
import { HandoverErrors } from './handover.errors.js';
import { HandoverRepository, type HandoverFilter } from './handover.repository.js';
import type { HandoverType } from './handover.types.js';

type ReadOperation = Extract<
  HandoverOperation,
  'handover' | 'handovers' | 'GroupAccount.handovers'
>;

/**
 * Reading handovers: those of the accounts the caller sees (the shared visibility rule), those
 * they are a party to, and, for a supervisor, those of everyone they supervise transitively.
 */
@Injectable()
export class HandoverQueryService {
  constructor(
    private readonly handovers: HandoverRepository,
    private readonly visibility: ManagerVisibility,
    private readonly access: HandoverAccess,
  ) {}

  async byId(caller: Caller, id: string): Promise<HandoverType> {
    const [found] = await this.list(caller, { ids: [id] }, 'handover');
    if (!found) throw HandoverErrors.notFound(id);
    return found;
  }

  /** Handovers the caller may see, newest first. */
  async list(
    caller: Caller,
    filter: HandoverFilter,
    operation: ReadOperation = 'handovers',
  ): Promise<HandoverType[]> {
    const scope = authorize(HANDOVER_PERMISSIONS, operation, caller);
    const team = await this.access.team(caller, scope);
    const visible = this.visibility.condition(caller, 'h.group_account_id', '$6');
    return this.handovers.list(filter, visible, caller.subject, [...team]);
  }
}
